import type { ReactNode } from 'react';

/** One option of a `RadioOptions` group: the value it sets and the words beside its button. */
export interface RadioOption<T extends string> {
  readonly value: T;
  readonly label: ReactNode;
}

/**
 * A question answered by picking one option: a fieldset whose legend is the question and whose
 * radio buttons are the options, each inside its label (the whole line can be tapped). `children`
 * follow the options inside the fieldset (a text box for "my own words", for instance).
 */
export function RadioOptions<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  children,
}: {
  name: string;
  legend: ReactNode;
  options: readonly RadioOption<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  children?: ReactNode;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
