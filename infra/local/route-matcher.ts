import { type RouteDescription as Route, splitRouteKey } from '#shared/http/route.ts';

export type MatchedRoute = { key: string; route: Route; pathParameters: Record<string, string> };
type Compiled = {
  key: string;
  route: Route;
  method: string;
  pattern: RegExp;
  names: string[];
  literals: number;
};

/**
 * Matches requests to the route table the way API Gateway does: a literal segment beats a
 * `{parameter}`, so `/v1/me/applications` is never taken for `/v1/me/{id}`.
 */
export function routeMatcher(routes: Readonly<Record<string, Route>>) {
  const compiled: Compiled[] = Object.entries(routes).map(([key, route]) => {
    const { method, path } = splitRouteKey(key);
    const names: string[] = [];
    const segments = path.split('/').filter(Boolean);
    const pattern = segments
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(param[1] as string);
        return '([^/]+)';
      })
      .join('/');
    return {
      key,
      route,
      method,
      pattern: new RegExp(`^/${pattern}/?$`),
      names,
      literals: segments.length - names.length,
    };
  });
  compiled.sort((a, b) => b.literals - a.literals);

  return (method: string, path: string): MatchedRoute | undefined => {
    for (const c of compiled) {
      if (c.method !== method) continue;
      const m = c.pattern.exec(path);
      if (!m) continue;
      const pathParameters: Record<string, string> = {};
      c.names.forEach((name, i) => {
        pathParameters[name] = decodeURIComponent(m[i + 1] as string);
      });
      return { key: c.key, route: c.route, pathParameters };
    }
    return undefined;
  };
}
