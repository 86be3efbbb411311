interface Props<T extends string> {
  /** The accessible name (docs/contract.md: "View", "Sort"). */
  label: string;
  value: T;
  /** The choices in order, with what each is called (labels.ts); a choice left out is not offered. */
  labels: Partial<Record<T, string>>;
  onChange(value: T, e: Event): void;
  class?: string;
  /**
   * An id for the select, where the page is ours (the popup, whose tests address it). Without one the label
   * wraps the select: inside a site's page no id of ours may collide with the page's.
   */
  id?: string;
}

/** A labelled select of one of a fixed set of choices: view and sort in the popup, settings and view. */
export function ChoiceSelect<T extends string>({ label, value, labels, onChange, class: cls, id }: Props<T>) {
  const select = (
    <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as T, e)}>
      {(Object.keys(labels) as T[]).map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </select>
  );
  if (!id)
    return (
      <label class={cls}>
        {label} {select}
      </label>
    );
  return (
    <div class={cls}>
      <label for={id}>{label}</label>
      {select}
    </div>
  );
}
