import type { ReactNode } from "react";

/** One choice of a wizard step: a radio drawn as a card, its title as the name, one line describing it. */
export function RadioCard(props: { name: string; value: string; defaultChecked: boolean; required?: boolean; title: ReactNode; description: ReactNode; onChange?: () => void }) {
  const descriptionId = `${props.name}-${props.value}-text`;
  return (
    <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 bg-white p-4 has-[:checked]:border-brand-600 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
      <input
        type="radio"
        name={props.name}
        value={props.value}
        defaultChecked={props.defaultChecked}
        required={props.required}
        onChange={props.onChange}
        className="mt-1 size-4 accent-brand-600"
        aria-describedby={descriptionId}
      />
      <span>
        {props.title}
        <span id={descriptionId} className="mt-1 block text-sm text-slate-700">
          {props.description}
        </span>
      </span>
    </label>
  );
}
