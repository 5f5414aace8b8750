import { describe, expect, it, vi } from 'vitest';
import { badgeText, createAttention } from '@/lib/background/attention';

describe('toolbar attention', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [27, '27'],
    [1000, '999+'],
  ])('%i rows in error show "%s" on the badge', (errors, text) => {
    expect(badgeText(errors)).toBe(text);
  });

  function setup(errors = 3) {
    const action = { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn() };
    const notifications = { create: vi.fn() };
    return {
      action,
      notifications,
      attention: createAttention({ action, notifications, iconUrl: 'icon.png', errorCount: async () => errors }),
    };
  }

  it('puts the error count on the badge', async () => {
    const { action, attention } = setup(3);
    await attention.refreshBadge();
    expect(action.setBadgeText).toHaveBeenCalledWith({ text: '3' });
  });

  it('tells once about deletions an automatic run held, again only when the list changes', () => {
    const { notifications, attention } = setup();
    attention.notifyHeld('Sunrise Fuel', '5 deletions wait for your review.', ['a', 'b']);
    attention.notifyHeld('Sunrise Fuel', '5 deletions wait for your review.', ['b', 'a']);
    expect(notifications.create).toHaveBeenCalledTimes(1);
    expect(notifications.create.mock.calls[0]![1]).toMatchObject({
      title: 'Changes wait for your review in Sunrise Fuel',
    });
    attention.notifyHeld('Sunrise Fuel', '6 deletions wait for your review.', ['a', 'b', 'c']);
    expect(notifications.create).toHaveBeenCalledTimes(2);
  });

  it('notifies only when the user must act, once per company and kind', () => {
    const { notifications, attention } = setup();
    attention.notifyStop('Sunrise Fuel', 'reconnect', 'Reconnect to QBO.');
    attention.notifyStop('Sunrise Fuel', 'signIn', 'Sign in to CStoreOffice.');
    attention.notifyStop('Sunrise Fuel', 'unexpected', 'Network down.');
    expect(notifications.create).toHaveBeenCalledTimes(2);
    expect(notifications.create.mock.calls[0]![0]).toBe('qsm-reconnect-Sunrise Fuel');
    expect(notifications.create.mock.calls[0]![1]).toMatchObject({
      title: 'Connect Sunrise Fuel to QuickBooks again',
      message: 'Reconnect to QBO.',
    });
  });
});
