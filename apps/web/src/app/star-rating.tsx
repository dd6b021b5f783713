import { Rate, type RateProps } from 'antd';
import type { AriaAttributes } from 'react';

/**
 * antd's Rate for input: its stars are radios inside list items, so the list stays a list and a wrapper becomes the
 * radiogroup, named by `label` — which is also where a form field's aria-required and aria-invalid belong (a plain
 * list may not carry them).
 */
export function StarRating({
  label,
  'aria-required': required,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
  ...props
}: RateProps & AriaAttributes & { label: string; 'data-testid'?: string }) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      aria-required={required}
      aria-invalid={invalid}
      aria-describedby={describedBy}
    >
      <Rate {...props} />
    </div>
  );
}
