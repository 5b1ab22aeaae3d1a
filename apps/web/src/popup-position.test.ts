import { describe, expect, it } from 'vitest';
import { placePopup } from './popup-position';

const win = { width: 1000, height: 800 };
const menu = { width: 200, height: 300 };

function button(top: number, right = 900) {
  return { top, bottom: top + 30, left: right - 30, right };
}

describe('placePopup', () => {
  it('opens below the button, right edges aligned, when the menu fits there', () => {
    expect(placePopup(button(100), menu, win)).toEqual({ top: 134, right: 100 });
  });

  it('opens above a button near the bottom of the window (the newest message)', () => {
    const place = placePopup(button(700), menu, win);
    expect(place.top).toBe(700 - 4 - 300);
  });

  it('stays inside a window too short for either side', () => {
    const place = placePopup(button(150), menu, { width: 1000, height: 320 });
    expect(place.top).toBeGreaterThanOrEqual(8);
    expect(place.top + menu.height).toBeLessThanOrEqual(320 - 8);
  });

  it('never runs off the left or right edge on a narrow phone screen', () => {
    const phone = { width: 390, height: 780 };
    expect(placePopup(button(100, 120), menu, phone).right).toBe(390 - 208);
    expect(placePopup(button(100, 389), menu, phone).right).toBe(8);
  });
});
