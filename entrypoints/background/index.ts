import { wireBackground } from './wire';

export default defineBackground({
  type: 'module',
  // Listeners must be registered synchronously so a worker woken by a message can answer it.
  main: () => wireBackground(),
});
