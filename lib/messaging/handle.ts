/**
 * Registers the background's handlers behind two gates: the sender must be this extension (its
 * pages or its content scripts), and the data must pass the message's schema. Either failure is
 * answered with an error that says what was wrong.
 */
import type {
  GetDataType,
  GetReturnType,
  Message,
  ExtensionMessage,
  RemoveListenerCallback,
} from '@webext-core/messaging';
import type { z } from 'zod';
import type { ProtocolMap } from './protocol';

type Name = keyof ProtocolMap;

export type Sender = ExtensionMessage['sender'];

export type Handlers = {
  [K in Name]: (data: GetDataType<ProtocolMap[K]>, sender: Sender) => Promise<GetReturnType<ProtocolMap[K]>>;
};

export type OnMessage = <K extends Name>(
  type: K,
  handler: (message: Message<ProtocolMap, K> & ExtensionMessage) => Promise<GetReturnType<ProtocolMap[K]>>,
) => RemoveListenerCallback;

class RefusedMessageError extends Error {
  override name = 'RefusedMessageError';
}

export function registerHandlers(deps: {
  onMessage: OnMessage;
  handlers: Handlers;
  payloads: Record<Name, z.ZodType>;
  extensionId: string;
}): RemoveListenerCallback {
  const removers = (Object.keys(deps.handlers) as Name[]).map((name) =>
    deps.onMessage(name, async (message) => {
      if (message.sender.id !== deps.extensionId) {
        throw new RefusedMessageError(`Refused "${name}": it did not come from this extension.`);
      }
      const parsed = deps.payloads[name].safeParse(message.data);
      if (!parsed.success) {
        const why = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
        throw new RefusedMessageError(`Refused "${name}": ${why.join('; ')}.`);
      }
      const handler = deps.handlers[name] as (
        data: unknown,
        sender: Sender,
      ) => Promise<GetReturnType<ProtocolMap[typeof name]>>;
      return handler(parsed.data, message.sender);
    }),
  );
  return () => removers.forEach((remove) => remove());
}
