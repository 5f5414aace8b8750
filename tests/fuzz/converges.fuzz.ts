import { convergesProperty } from '../properties/sync-worlds';
import { fuzzCase } from './fuzz';

fuzzCase('sync converges, duplicates nothing, and a second sync plans nothing', convergesProperty);
