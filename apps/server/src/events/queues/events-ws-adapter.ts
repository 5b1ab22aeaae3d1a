import { WsAdapter } from '@nestjs/platform-ws';
import type { MessageMappingProperties } from '@nestjs/websockets/gateway-metadata-explorer';
import type { Observable } from 'rxjs';

/**
 * Nest's `ws` adapter, minus the message routing no gateway here uses. The event socket reads
 * its frames itself (EventsGateway has no `@SubscribeMessage` handlers), but the stock adapter
 * still pipes every incoming frame through rxjs, parses it as JSON a second time and looks up a
 * handler that does not exist, throwing and catching an error for each: at a thousand sockets
 * acknowledging every events frame, that was a third of the server's time.
 */
export class EventsWsAdapter extends WsAdapter {
  override bindMessageHandlers(
    client: unknown,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    if (handlers.length > 0) super.bindMessageHandlers(client, handlers, transform);
  }
}
