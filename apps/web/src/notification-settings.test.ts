import { describe, expect, it } from 'vitest';
import { allNotificationSettings, choicesWith, choiceValue, GROUPS } from './notification-settings';

describe('the notifications page', () => {
  it('edits each of Zulip’s 27 notification settings once', () => {
    const names = allNotificationSettings();
    expect(names).toHaveLength(27);
    expect(new Set(names).size).toBe(27);
  });

  it('sends numbers back as numbers, and keeps a value set elsewhere among the choices', () => {
    const batching = GROUPS.flatMap((g) => g.controls).find(
      (c) => c.name === 'email_notifications_batching_period_seconds',
    );
    if (!batching) throw new Error('no batching control');
    expect(choiceValue(batching, '300')).toBe(300);
    expect(() => choiceValue(batching, '7')).toThrow();
    expect(choicesWith(batching, 7).at(-1)).toEqual([7, '7']);
    expect(choicesWith(batching, 120)).toBe(batching.choices);
  });
});
