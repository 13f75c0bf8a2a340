import { Route, Routes } from '@angular/router';

/**
 * Starts loading the code of the lazily loaded page a new tab's address names (`#/eoffice/files/<id>`), as
 * soon as the app's own code has run, before Angular starts. The router asks for the same chunks only once
 * the app has read its configuration, translations and extension manifests and the guards have run; on the
 * first-screen bench (traced) that was 0.37 s later, and the page's chunks then came in two round trips (the
 * page, then what it imports). Loading the same module twice costs nothing: the router's own import finds
 * it loaded. Matching follows the router's order (first match, `:param` matches any one segment).
 */
export function prefetchPage(routes: Routes, hash: string): Promise<unknown> | undefined {
  const path = hash.replace(/^#\/?/, '').split(/[?;#]/)[0];
  const load = pageLoader(routes, path.split('/').filter(Boolean));
  if (!load) return undefined;
  return Promise.resolve(load()).catch(() => undefined); // the router reports a failure itself
}

function pageLoader(routes: Routes, segments: string[]): Route['loadComponent'] | undefined {
  for (const route of routes) {
    const parts = (route.path ?? '').split('/').filter(Boolean);
    if (parts.length > segments.length || parts.some((part, i) => !part.startsWith(':') && part !== segments[i])) continue;
    const rest = segments.slice(parts.length);
    if (!rest.length && route.loadComponent) return route.loadComponent;
    const inner = route.children ? pageLoader(route.children, rest) : undefined;
    if (inner) return inner;
  }
  return undefined;
}
