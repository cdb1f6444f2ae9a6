// How the API routes are declared: grouped by their OpenAPI tag, each by method and path with its documentation,
// request and responses (createRoute of @hono/zod-openapi underneath).
import { createRoute, type RouteConfig } from '@hono/zod-openapi';

type RouteSpec = Omit<RouteConfig, 'method' | 'path' | 'tags'>;

/** The routes of one tag ("answers", "retrieval", "system", "openai"): `get(path, spec)`, `post(path, spec)` … */
export function taggedRoutes(tag: string) {
  const route =
    <M extends 'get' | 'post' | 'patch' | 'delete'>(method: M) =>
    <P extends string, S extends RouteSpec>(path: P, spec: S) =>
      createRoute({ method, path, tags: [tag], ...spec });
  return { get: route('get'), post: route('post'), patch: route('patch'), delete: route('delete') };
}
