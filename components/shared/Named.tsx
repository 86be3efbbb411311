import { t, type MessageKey } from '@/utils/platform/i18n';

/** Stands where the name goes in the message while it is split (a private-use character no message holds). */
const SLOT = '\uE000';

/**
 * One of our sentences with a person's name in it, the name in `<bdi>`: a right-to-left override or other
 * direction marks inside the name stay inside it and never reorder the words around it. The sentence reads
 * (and names a control) exactly as the plain text would.
 */
export function Named({ k, name, rest = [] }: { k: MessageKey; name: string; rest?: Array<string | number> }) {
  const [before = '', after = ''] = t(k, SLOT, ...rest).split(SLOT);
  return (
    <>
      {before}
      <bdi>{name}</bdi>
      {after}
    </>
  );
}
