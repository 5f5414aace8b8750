/**
 * `tsx server/main.ts`: starts the token broker from environment variables (see README.md).
 */
import { configFromEnv, startBroker } from './index';

try {
  const config = configFromEnv(process.env);
  const broker = await startBroker(config);
  console.log(
    `Token broker (${config.environment}) listening on ${broker.url} for ${config.allowedOrigins.join(', ')}`,
  );
  const stop = (): void => void broker.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
