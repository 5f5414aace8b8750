import { resumeProperty } from '../properties/sync-worlds';
import { fuzzCase } from './fuzz';

fuzzCase('a run interrupted after any write and resumed ends like an uninterrupted one', resumeProperty);
