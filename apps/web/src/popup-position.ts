/** Where a popup menu goes beside the button that opened it, kept inside the window. */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PopupPlace {
  top: number;
  /** Distance from the window's right edge to the menu's right edge (menus align to the button's right). */
  right: number;
}

const GAP = 4;
const MARGIN = 8;

/**
 * Below the button when the menu fits there, else above it when it fits there, else wherever
 * more of it shows (pinned to the window's edge). Right edges line up, within the window.
 */
export function placePopup(
  button: Box,
  menu: { width: number; height: number },
  window: { width: number; height: number },
): PopupPlace {
  const below = button.bottom + GAP;
  const above = button.top - GAP - menu.height;
  let top: number;
  if (below + menu.height <= window.height - MARGIN) top = below;
  else if (above >= MARGIN) top = above;
  else top = Math.max(MARGIN, window.height - MARGIN - menu.height);
  const rightEdge = Math.min(window.width - MARGIN, Math.max(button.right, menu.width + MARGIN));
  return { top, right: window.width - rightEdge };
}
