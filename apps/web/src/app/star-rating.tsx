import { Rate, type RateProps } from 'antd';

/**
 * antd's Rate for input: its stars are radios, so the list around them becomes a radiogroup named by `label` — which
 * also lets a required form field put aria-required on it (not allowed on a plain list).
 */
export function StarRating({ label, ...props }: RateProps & { label: string; 'data-testid'?: string }) {
  // role is not among RateProps' types, though the component passes it to the list
  const group: Record<string, string> = { role: 'radiogroup', 'aria-label': label };
  return <Rate {...props} {...group} />;
}
