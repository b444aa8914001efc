export interface ActionSelectProps {
  /** The visible label (the select's accessible name). */
  label: string;
  /** The first, empty choice ("— choose … —"). */
  placeholder: string;
  options: ReadonlyArray<{ value: string; text: string }>;
  /** A choice was made; the select goes back to its placeholder, ready for the next one. */
  onChoose(value: string): void;
}

/**
 * A labelled select that acts, rather than holds a value: open an example, a template, a sample. After
 * each choice it shows its placeholder again, so choosing the same entry twice works.
 */
export function ActionSelect({ label, placeholder, options, onChoose }: ActionSelectProps) {
  return (
    <label>
      {label}{' '}
      <select
        value=""
        onChange={(e) => {
          const value = e.currentTarget.value;
          e.currentTarget.value = '';
          if (value) onChoose(value);
        }}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}
