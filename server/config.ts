/**
 * The broker's configuration, from parameters or environment variables, validated once at start:
 * a broker that starts with a missing secret or no allowed origin would fail every user later.
 */
import { z } from 'zod';

export const INTUIT_ENDPOINTS = {
  token: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  revoke: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
} as const;

const Origin = z
  .string()
  .regex(/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i, 'an origin such as chrome-extension://<extension id>');

export const BrokerConfig = z
  .object({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    environment: z.enum(['production', 'sandbox', 'custom']),
    /** For `custom`: the origin of our QBO sandbox, which serves Intuit's paths. */
    customBaseUrl: z.url().optional(),
    /** Explicit endpoints win over the environment's. */
    tokenEndpoint: z.url().optional(),
    revokeEndpoint: z.url().optional(),
    allowedOrigins: z.array(Origin).min(1),
    port: z.number().int().min(0).max(65535).default(8730),
    host: z.string().min(1).default('127.0.0.1'),
  })
  .refine((c) => c.environment !== 'custom' || c.customBaseUrl || (c.tokenEndpoint && c.revokeEndpoint), {
    message: 'environment "custom" needs QBO_CUSTOM_BASE_URL (or both endpoint URLs)',
  });

export type BrokerConfigInput = z.input<typeof BrokerConfig>;
export type BrokerConfig = z.output<typeof BrokerConfig>;

export interface Endpoints {
  token: string;
  revoke: string;
}

export function endpointsOf(config: BrokerConfig): Endpoints {
  const base =
    config.environment === 'custom' && config.customBaseUrl ? config.customBaseUrl.replace(/\/+$/, '') : undefined;
  return {
    token: config.tokenEndpoint ?? (base ? `${base}/oauth2/v1/tokens/bearer` : INTUIT_ENDPOINTS.token),
    revoke: config.revokeEndpoint ?? (base ? `${base}/v2/oauth2/tokens/revoke` : INTUIT_ENDPOINTS.revoke),
  };
}

/** Reads the configuration from environment variables (see README.md). Throws with every problem listed. */
export function configFromEnv(env: Record<string, string | undefined>): BrokerConfig {
  const list = (v: string | undefined): string[] =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const input = {
    clientId: env.QBO_CLIENT_ID,
    clientSecret: env.QBO_CLIENT_SECRET,
    environment: env.QBO_ENVIRONMENT ?? 'sandbox',
    customBaseUrl: env.QBO_CUSTOM_BASE_URL || undefined,
    tokenEndpoint: env.QBO_TOKEN_ENDPOINT || undefined,
    revokeEndpoint: env.QBO_REVOKE_ENDPOINT || undefined,
    allowedOrigins: list(env.BROKER_ALLOWED_ORIGINS),
    port: env.BROKER_PORT ? Number(env.BROKER_PORT) : undefined,
    host: env.BROKER_HOST || undefined,
  };
  const parsed = BrokerConfig.safeParse(input);
  if (!parsed.success) {
    // Name the variables, never echo their values (one of them is the secret).
    throw new Error(
      `Token broker configuration is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || 'config'}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}
