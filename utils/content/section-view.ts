import type { CommentSection, NotLoaded } from '@/utils/pipeline/model';
import type { Counts, ViewModel } from '@/utils/pipeline/view-model';
import type { BrandStyle, Prefs, ViewMode, ViewPrefs } from '@/utils/platform/prefs';
import type { SortMode } from '@/utils/pipeline/arrange/order';
import type { Note, PeopleChange, Tag } from '@/utils/platform/people-prefs';
import { countsWithPeople, type PeopleMarks, type PeopleRules } from '@/utils/pipeline/people/marks';
import { own } from '@/utils/pipeline/own';
import type { SignedIn } from '@/utils/pipeline/extract/signed-in';
import type { Place } from '@/utils/platform/places';
import type { DiscussionUi } from './discussion-controller';
import type { WatchUi } from './watch-view';
import type { ViewParts } from './view-parts';
import type { SectionModels } from './section-models';
import { createViewHost, followTheme } from './view-host';

// Puts our view where the page's comment section was (view-host.ts) and draws it from the section's models
// (section-models.ts). How the view is drawn is the renderer's business (components/thread/render.ts, handed
// in by the entrypoint), so this app code knows no UI code.

/** What the thread view is drawn from. */
export interface ThreadViewInput {
  heading: string;
  discussionUrl: string | undefined;
  /** Top-level comments the page does not hold (section.more). */
  more?: NotLoaded;
  model: ViewModel;
  /** The model's counts with the people marks over them (what the header and the popup say). */
  counts: Counts;
  view: ViewMode;
  sort: SortMode;
  /** Threads with nothing new start collapsed on a return visit. */
  collapseRead?: boolean;
  brandFocus: string[];
  onViewPrefs(change: Partial<ViewPrefs>): void;
  onBrandFocus(ids: string[]): void;
  /** The full forum discussion, when the section links to one. */
  discussion?: DiscussionUi | null;
  onMarkRead?(): void;
  /** The reader's people: marks over this discussion, notes and tags, and changing them from a comment. */
  people?: PeopleInput;
  /** Reading sessions: where the reader was last time, and telling where they are now. */
  reading?: ReadingInput | null;
  /** "Watch this discussion", where the discussion can be watched. */
  watch?: WatchUi | null;
  brandStyle?: BrandStyle;
  /** Why the reader's last change in the view could not be kept (a full store, a limit), or null. */
  problem?: string | null;
}

/** What the view knows of people (people/marks.ts, people-prefs.ts). */
export interface PeopleInput {
  /** The page's origin: whose notes, tags and mutes apply. */
  site: string;
  marks: PeopleMarks;
  mutes: Readonly<Record<string, string>>;
  notes: Readonly<Record<string, Note>>;
  tags: Readonly<Record<string, Tag>>;
  /** Absent where the view cannot store a change. */
  onChange?(change: PeopleChange): void;
}

/** Where the reader left off in this discussion, and where they are now (places.ts, fresh.ts). */
export interface ReadingInput {
  resume: Place | null;
  onPlace(place: Place): void;
}

/** Draws the view into the host, or empties it (null). */
export type ViewRenderer = (host: HTMLElement, input: ThreadViewInput | null) => void;

export interface SectionView {
  /** Threads the comments and finds brand mentions, each on its own task, so the page stays responsive. */
  prepare(prefs: Prefs): Promise<void>;
  update(prefs: Prefs): void;
  /** Draws again with the same preferences (the discussion's progress changed). */
  redraw(): void;
  /** Marks these comments new since the last visit (an empty set clears the marks). */
  setFresh(ids: ReadonlySet<string>): void;
  /** New extraction of the same discussion (the site changed it, or drew it again in a new element). */
  replaceSection(section: CommentSection): void;
  /**
   * The discussion grown a lot at once (a whole topic loaded): threaded and modelled on tasks of their own
   * first, then drawn, so no long task; a later call wins over one still preparing.
   */
  growSection(section: CommentSection): Promise<void>;
  counts(): Counts | null;
  /** Levels of the discussion's tree (threaded once, whatever the view shows). */
  levels(): number;
  /** Our element on the page, or null while the view is off. */
  host(): HTMLElement | null;
  destroy(): void;
}

export interface SectionViewOptions {
  /** The renderer and the models it draws (view-parts.ts). */
  parts: ViewParts;
  onViewPrefs(change: Partial<ViewPrefs>): void;
  /** Theme of the page under the view. */
  theme?: () => 'light' | 'dark';
  /** The full-discussion controls, read on every draw. */
  discussion?: () => DiscussionUi | null;
  /** "Mark all read" in the header. */
  onMarkRead?(): void;
  /** The page's origin (people are known per site). */
  site?: string;
  /** Who is signed in, where the page says (read on every draw). */
  you?: () => SignedIn | null;
  onPeople?(change: PeopleChange): void;
  /** Reading sessions, read on every draw. */
  reading?: () => ReadingInput | null;
  /** Watching, read on every draw. */
  watch?: () => WatchUi | null;
  /** Why the reader's last change could not be kept, read on every draw. */
  problem?: () => string | null;
}

/** The model with the new marks, made again only when either changes (a new object redraws every comment). */
function freshMarks(current: () => ReadonlySet<string>) {
  let marked: { base: ViewModel; fresh: ReadonlySet<string>; model: ViewModel } | null = null;
  return (base: ViewModel) => {
    const fresh = current();
    if (marked?.base !== base || marked.fresh !== fresh) marked = { base, fresh, model: { ...base, fresh } };
    return marked.model;
  };
}

/** What the view is drawn with besides its model and brand focus. */
function inputOf(section: CommentSection, prefs: Prefs, options: SectionViewOptions) {
  return {
    heading: section.heading,
    discussionUrl: section.discussionUrl,
    ...(section.more ? { more: section.more } : {}),
    view: prefs.view.view,
    sort: prefs.view.sort,
    collapseRead: prefs.view.collapseRead,
    discussion: options.discussion?.() ?? null,
    reading: options.reading?.() ?? null,
    watch: options.watch?.() ?? null,
    onViewPrefs: options.onViewPrefs,
    onMarkRead: options.onMarkRead,
    brandStyle: prefs.brands.style,
    problem: options.problem?.() ?? null,
  };
}

/** The reader's people rules on this page: mutes, and who the reader is (named in settings, else by the page). */
function rulesOf(prefs: Prefs, options: SectionViewOptions): PeopleRules {
  const site = options.site ?? location.origin;
  const named = own(prefs.people.you, site);
  return {
    site,
    mutes: prefs.filters.mutedPeople,
    hideRepliesToMuted: prefs.filters.hideRepliesToMuted,
    you: named ? { name: named } : (options.you?.() ?? null),
  };
}

/**
 * What the view knows of people for this draw (the marks, made again only when the rules change), and the
 * model's counts with those marks over them.
 */
function peopleOf(
  models: SectionModels,
  section: CommentSection,
  prefs: Prefs,
  options: SectionViewOptions,
  model: ViewModel,
) {
  const rules = rulesOf(prefs, options);
  const marks = models.people(section, rules);
  return {
    people: peopleInput(rules, marks, prefs, options),
    counts: countsWithPeople(model.counts, model.reasons, marks),
  };
}

function peopleInput(rules: PeopleRules, marks: PeopleMarks, prefs: Prefs, options: SectionViewOptions): PeopleInput {
  return {
    site: rules.site,
    marks,
    mutes: prefs.filters.mutedPeople,
    notes: prefs.notes.byPerson,
    tags: prefs.people.tags,
    ...(options.onPeople ? { onChange: options.onPeople } : {}),
  };
}

/** Models for a section, threaded and modelled on tasks of their own (threaded at once if that fails). */
async function preparedModels(parts: ViewParts, section: CommentSection, prefs: Prefs | null, focus: string[]) {
  const ready = parts.models();
  if (prefs) await ready.prepare(section, prefs, focus).catch(() => ready.reset(section));
  return ready;
}

const sameIds = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && Array.from(a).every((id) => b.has(id));

export function createSectionView(initial: CommentSection, options: SectionViewOptions): SectionView {
  let section = initial;
  let prefs: Prefs | null = null;
  let brandFocus: string[] = [];
  let counts: Counts | null = null;
  let fresh: ReadonlySet<string> = new Set();
  const withFresh = freshMarks(() => fresh);
  let models = options.parts.models();
  let growing = 0;
  let preparing = false;
  const render = options.parts.render;
  const host = createViewHost();
  const unmount = () => (host.unmount((el) => render(el, null)), (counts = null));

  const draw = () => {
    if (!prefs) return;
    if (prefs.view.view === 'original') return unmount();
    const model = withFresh(models.model(section, prefs, brandFocus));
    const people = peopleOf(models, section, prefs, options, model);
    counts = people.counts;
    const { element, fresh } = host.mount(section.root);
    if (fresh) followTheme(element, options.theme, () => host.element === element);
    const onBrandFocus = (ids: string[]) => ((brandFocus = ids), draw());
    render(element, { ...inputOf(section, prefs, options), ...people, model, brandFocus, onBrandFocus });
  };

  return {
    prepare: (next) => models.prepare(section, next, brandFocus),
    update(next) {
      prefs = next;
      draw();
    },
    redraw: () => draw(),
    setFresh(ids) {
      // The same marks again (most readings): no new model, so no comment is drawn again.
      if (sameIds(ids, fresh)) return;
      fresh = ids;
      // A grown section on its way draws them with it: one draw, not two.
      if (!preparing) draw();
    },
    replaceSection(next) {
      // A new root (the site drew its container again): the next draw moves our host, with the reader's
      // collapsed threads and windowing, before it.
      growing++;
      preparing = false;
      section = next;
      models.reset(section);
      draw();
    },
    async growSection(next) {
      const mine = ++growing;
      preparing = true;
      const ready = await preparedModels(options.parts, next, prefs, brandFocus).finally(
        () => mine === growing && (preparing = false),
      );
      if (mine !== growing) return;
      [section, models] = [next, ready];
      draw();
    },
    counts: () => counts,
    levels: () => models.levels(section),
    host: () => host.element,
    destroy: unmount,
  };
}
