// Discussions that live in a frame of their own origin, embedded by the article's site (Disqus): the content
// script runs in such a frame only where the reader enabled both the frame's origin and the site that embeds
// it; enabling a site whose page embeds one asks for the frame's origin in the same request.

export interface FrameHost {
  /** The permission the frame needs ("https://disqus.com/*"). */
  permission: string;
  /** Whether the address is this host's discussion frame. */
  isThread(url: URL): boolean;
  /** The address of the page that embeds it, as the frame's address names it; null when it does not. */
  embedder(url: URL): string | null;
}

const web = (url: URL) => url.protocol === 'https:' || url.protocol === 'http:';

export const FRAME_HOSTS: readonly FrameHost[] = [
  {
    permission: 'https://disqus.com/*',
    isThread: (url) => web(url) && url.hostname === 'disqus.com' && /^\/embed\/comments\/?$/.test(url.pathname),
    embedder: (url) => url.searchParams.get('t_u'),
  },
];

export const frameHostOf = (url: URL): FrameHost | undefined => FRAME_HOSTS.find((h) => h.isThread(url));

/** The permissions of discussion frames these frame addresses (a page's iframes) would need. */
export function framePermissions(frameSources: readonly string[]): string[] {
  const found = new Set<string>();
  for (const src of frameSources) {
    try {
      const host = frameHostOf(new URL(src));
      if (host) found.add(host.permission);
    } catch {
      // not an address
    }
  }
  return Array.from(found);
}
