/**
 * Finds the LMS's API object: up the parent chain (at most 500 levels), then the opener and its
 * parents. Every access is guarded: a cross-origin ancestor throws SecurityError, which means
 * "not here" (runtime-requirements item 5). Bound to one name: a package talks only its own standard.
 */
function lookIn(start: Window | null, name: string): unknown {
  let win: Window | null = start;
  for (let depth = 0; win && depth <= 500; depth++) {
    try {
      const api = (win as unknown as Record<string, unknown>)[name];
      if (api) return api;
    } catch {
      /* cross-origin frame: keep climbing */
    }
    let parent: Window | null = null;
    try {
      parent = win.parent;
    } catch {
      parent = null;
    }
    if (!parent || parent === win) break;
    win = parent;
  }
  return undefined;
}

export function findApiNow<T>(name: string): T | undefined {
  const here = lookIn(window, name);
  if (here) return here as T;
  try {
    const opener = (window.top ?? window).opener as Window | null;
    return lookIn(opener, name) as T | undefined;
  } catch {
    return undefined;
  }
}

/** Polls for ~2 s: a slow LMS frame may create its API after the content starts (item 7). */
export async function findApi<T>(name: string, tries = 8, intervalMs = 250): Promise<T | undefined> {
  for (let i = 0; i < tries; i++) {
    const api = findApiNow<T>(name);
    if (api) return api;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return undefined;
}
