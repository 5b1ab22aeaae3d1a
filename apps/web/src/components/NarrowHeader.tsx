import { narrowConversation, type Narrow } from '../narrow';
import { store, useSlices } from '../store';
import { openCompose } from '../compose';
import { jumpTo } from '../scroll';

/** A person-readable title for a narrow. */
export function narrowTitle(narrow: Narrow): string {
  if (narrow.length === 0) return 'All messages';
  return narrow
    .map((t) => {
      const not = t.negated ? 'not ' : '';
      switch (t.operator) {
        case 'stream':
          return `${not}#${store.streamName(Number(t.operand)) ?? t.operand}`;
        case 'topic':
          return `${not}› ${t.operand || '(no topic)'}`;
        case 'dm':
          return `${not}Direct messages with ${t.operand
            .split(',')
            .map((id) => store.userName(Number(id)) ?? id)
            .join(', ')}`;
        case 'sender':
          return `${not}Sent by ${store.userName(Number(t.operand)) ?? t.operand}`;
        case 'is':
          return (
            {
              starred: 'Starred messages',
              mentioned: 'Mentions',
              dm: 'Direct messages',
              unread: 'Unread messages',
            }[t.operand] ?? `is:${t.operand}`
          );
        case 'search':
          return `Search: ${t.operand}`;
        case 'near':
          return '';
        default:
          return `${not}${t.operator}:${t.operand}`;
      }
    })
    .filter(Boolean)
    .join(' ');
}

export function NarrowHeader() {
  useSlices('view', 'unread', 'streams', 'users');
  const narrow = store.view.narrow;
  const unreadHere = store.view.ids.filter((id) => store.unread.has(id));
  const conv = narrowConversation(narrow);
  const streamName = conv.streamId !== undefined ? store.streamName(conv.streamId) : undefined;
  return (
    <div className="narrow-header">
      <h1 className="narrow-title">{narrowTitle(narrow)}</h1>
      <div className="narrow-actions">
        {unreadHere.length > 0 && (
          <button className="text-button" onClick={() => jumpTo(unreadHere[0])}>
            Jump to first unread
          </button>
        )}
        <button
          className="text-button"
          onClick={() =>
            conv.dm
              ? openCompose({ mode: 'dm', to: conv.dm })
              : openCompose(
                  { mode: 'stream', stream: streamName ?? '', topic: conv.topic ?? '' },
                  streamName ? (conv.topic ? 'message' : 'topic') : 'stream',
                )
          }
        >
          {conv.dm ? 'New direct message' : 'New topic'}
        </button>
      </div>
    </div>
  );
}
