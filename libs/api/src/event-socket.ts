/**
 * How long the web client lets acknowledgements of event-socket frames trail the frames: one ack
 * a second at most, however busy the streams, instead of one per frame (a thousand readers of a
 * busy stream would send the server a thousand frames per message). The server only trims the
 * queue on an ack; a resume names the last event seen, so a late ack loses and repeats nothing.
 * One definition, so the fan-out benchmark's socket clients acknowledge as the web client does.
 */
export const SOCKET_ACK_DELAY_MS = 1000;
