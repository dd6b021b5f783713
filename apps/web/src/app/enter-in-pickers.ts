import { useEffect } from 'react';

/** The inputs of antd's date pickers, selects, cascaders and auto-completes, where Enter picks a value. */
const PICKER_INPUT = '.ant-picker input, .ant-select input';

/**
 * Whether a keydown is an Enter that a picker consumes: the picker confirms the typed date or the highlighted option
 * with it, and the browser must not also submit the form around it (HTML's implicit submission), which would
 * validate a half-filled form and move the focus away from where the user is typing.
 */
function isEnterInPicker(event: Pick<KeyboardEvent, 'key' | 'target' | 'isComposing'>): boolean {
  if (event.key !== 'Enter' || event.isComposing) return false;
  const target = event.target;
  return target instanceof Element && target.matches(PICKER_INPUT);
}

/**
 * Enter in a picker confirms the choice and never submits the form. The listener sits on the document, so antd's own
 * handlers (on React's root) have already taken the key; cancelling the keydown only stops the implicit submission.
 */
export function useEnterConfirmsPickers(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEnterInPicker(event)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
