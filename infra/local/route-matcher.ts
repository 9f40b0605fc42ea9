/**
 * API Gateway v2 route selection: a request matches a route by method and path template
 * (`/households/{householdId}`, greedy `/{proxy+}`); when several match, the most specific
 * wins — literal segments before `{param}`, `{param}` before `{proxy+}`, left to right.
 */
export interface RouteTemplate {
  readonly method: string;
  readonly path: string;
}

interface Compiled<R> {
  readonly route: R;
  readonly method: string;
  readonly segments: readonly Segment[];
}

type Segment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

const SPECIFICITY = { literal: 2, param: 1, greedy: 0 } as const;

const split = (path: string): string[] => path.split('/').filter((s) => s.length > 0);

const compileSegment = (segment: string): Segment => {
  const greedy = /^\{(\w+)\+\}$/.exec(segment);
  if (greedy?.[1]) return { kind: 'greedy', name: greedy[1] };
  const param = /^\{(\w+)\}$/.exec(segment);
  if (param?.[1]) return { kind: 'param', name: param[1] };
  return { kind: 'literal', value: segment };
};

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const matchSegments = (
  segments: readonly Segment[],
  parts: readonly string[],
): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment) return undefined;
    if (segment.kind === 'greedy') {
      if (i !== segments.length - 1 || parts.length <= i) return undefined;
      params[segment.name] = parts.slice(i).map(decode).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && segment.value !== part) return undefined;
    if (segment.kind === 'param') params[segment.name] = decode(part);
  }
  return segments.length === parts.length ? params : undefined;
};

const moreSpecific = (a: readonly Segment[], b: readonly Segment[]): boolean => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const sa = a[i] ? SPECIFICITY[a[i]?.kind ?? 'greedy'] : -1;
    const sb = b[i] ? SPECIFICITY[b[i]?.kind ?? 'greedy'] : -1;
    if (sa !== sb) return sa > sb;
  }
  return false;
};

export interface RouteMatch<R> {
  readonly route: R;
  readonly pathParameters?: Record<string, string>;
}

export const createRouteMatcher = <R extends RouteTemplate>(routes: readonly R[]) => {
  const compiled: Compiled<R>[] = routes.map((route) => ({
    route,
    method: route.method.toUpperCase(),
    segments: split(route.path).map(compileSegment),
  }));
  return (method: string, path: string): RouteMatch<R> | undefined => {
    const parts = split(path);
    let best: { entry: Compiled<R>; params: Record<string, string> } | undefined;
    for (const entry of compiled) {
      if (entry.method !== method.toUpperCase() && entry.method !== 'ANY') continue;
      const params = matchSegments(entry.segments, parts);
      if (!params) continue;
      if (!best || moreSpecific(entry.segments, best.entry.segments)) best = { entry, params };
    }
    if (!best) return undefined;
    const hasParams = Object.keys(best.params).length > 0;
    return { route: best.entry.route, ...(hasParams ? { pathParameters: best.params } : {}) };
  };
};
