/** The segmented control: one choice of a few, as a row of buttons. */
/** A row of radio-like buttons (travel mode, facility group, report format). */
export function Segmented<T extends string>(props: {
  label: string;
  options: readonly T[];
  value: T;
  /** Attribute carrying the option on each button (tests and styles select on it). */
  dataKey: `data-${string}`;
  /** data-testid of each button, when tests need one. */
  testId?: (option: T) => string;
  disabled?: boolean;
  text: (option: T) => string;
  onPick: (option: T) => void;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={props.label}>
      {props.options.map((o) => (
        <button
          key={o}
          type="button"
          role="radio"
          aria-checked={props.value === o}
          className={props.value === o ? 'active' : ''}
          {...{ [props.dataKey]: o }}
          data-testid={props.testId?.(o)}
          disabled={props.disabled}
          onClick={() => props.onPick(o)}
        >
          {props.text(o)}
        </button>
      ))}
    </div>
  );
}
