import { type ReactNode, useCallback, useRef, useState } from 'react';
import { isInFuture } from '../../app/format-date';
import { useMe } from './identity.queries';
import { StepUpModal } from './step-up-modal';

export interface StepUp {
  /** Resolves true when the session is (or has just been) stepped up, false when the user cancels. */
  ensureStepUp: (reason?: ReactNode) => Promise<boolean>;
  /** Render this once in the component that calls ensureStepUp. */
  stepUpModal: ReactNode;
}

/**
 * Call before signing or money actions:
 * `if (!(await ensureStepUp(t('sign.reason')))) return;` then send the request.
 */
export function useStepUp(): StepUp {
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReactNode>(null);
  const resolver = useRef<((verified: boolean) => void) | null>(null);

  const settle = useCallback((verified: boolean) => {
    resolver.current?.(verified);
    resolver.current = null;
    setOpen(false);
  }, []);

  const ensureStepUp = useCallback(
    (nextReason?: ReactNode) => {
      // A verification about to lapse would expire in transit, so ask again.
      if (isInFuture(me?.stepUpUntil, 15)) return Promise.resolve(true);
      resolver.current?.(false);
      setReason(nextReason ?? null);
      setOpen(true);
      return new Promise<boolean>((resolve) => {
        resolver.current = resolve;
      });
    },
    [me?.stepUpUntil],
  );

  const stepUpModal = (
    <StepUpModal open={open} reason={reason} onVerified={() => settle(true)} onCancel={() => settle(false)} />
  );
  return { ensureStepUp, stepUpModal };
}
