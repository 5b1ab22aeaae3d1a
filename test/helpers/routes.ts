import type { TestServer } from './test-server';

/** One route of the running application, as Express's router holds it. */
interface RouterLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

export interface RegisteredRoute {
  /** `GET`, `POST`... */
  method: string;
  /** As registered: `/api/v1/messages/:message_id`. */
  path: string;
}

/**
 * Every route the Nest server registered, read from Express's router, so tests that sweep the
 * routes cover one added later without being edited.
 */
export function registeredRoutes(server: TestServer): RegisteredRoute[] {
  const express = server.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  const routes: RegisteredRoute[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on) routes.push({ method: method.toUpperCase(), path: layer.route.path });
    }
  }
  return routes;
}
