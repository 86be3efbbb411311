interface Props {
  /** The checkbox's accessible name ("Enable on this site", "On macrumors.com"). */
  label: string;
  checked: boolean;
  onToggle(on: boolean): void;
  class?: string;
  id?: string;
}

/** A labelled checkbox: "Enable on this site", "Highlight brands", the settings' per-site switches. */
export function Toggle({ label, checked, onToggle, class: cls, id }: Props) {
  return (
    <label class={cls}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
      />{' '}
      {label}
    </label>
  );
}
