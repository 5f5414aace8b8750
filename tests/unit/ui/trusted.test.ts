import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenTrusted } from '@/lib/ui/trusted';

const flag = '__qsmAllowSyntheticClicks';
const saved = (globalThis as Record<string, unknown>)[flag];
afterEach(() => void ((globalThis as Record<string, unknown>)[flag] = saved));

describe('whenTrusted', () => {
  it('ignores a synthetic click (a page script calling .click()) and runs on a person’s', () => {
    (globalThis as Record<string, unknown>)[flag] = undefined;
    const action = vi.fn();
    const handler = whenTrusted(action);
    handler({ isTrusted: false } as Event, 'ignored');
    expect(action).not.toHaveBeenCalled();
    handler({ isTrusted: true } as Event, 'clicked');
    expect(action).toHaveBeenCalledWith('clicked');
  });
});
