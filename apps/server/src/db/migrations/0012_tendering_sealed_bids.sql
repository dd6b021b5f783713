-- Sealed bids (FLOW-1), enforced by the database with its own clock, not by application code:
--   * a tender's private key is released only by tender_release_key(), and only at or after the deadline;
--   * bids cannot be inserted, changed or deleted once the deadline has passed (late bids refused);
--   * a published deadline never moves earlier, and a tender cannot leave 'open' before its deadline;
--   * keys, receipts, opening records, scores and evaluations are append-only.
-- SQLSTATEs in class ZT are mapped to module error codes by tendering.repository.ts.
CREATE FUNCTION tender_release_key(p_tender uuid) RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_key text;
BEGIN
  SELECT k.private_key_enc INTO v_key
    FROM tender_keys k JOIN tenders t ON t.id = k.tender_id
   WHERE k.tender_id = p_tender AND t.status <> 'draft' AND now() >= t.deadline;
  IF v_key IS NULL THEN
    RAISE EXCEPTION 'tender % is sealed until its deadline', p_tender USING ERRCODE = 'ZT001';
  END IF;
  RETURN v_key;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON tender_keys FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION tender_bids_before_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_tender uuid;
  v_ok boolean;
BEGIN
  v_tender := CASE WHEN TG_OP = 'DELETE' THEN OLD.tender_id ELSE NEW.tender_id END;
  SELECT t.status = 'open' AND clock_timestamp() < t.deadline INTO v_ok FROM tenders t WHERE t.id = v_tender;
  IF v_ok IS DISTINCT FROM true THEN
    RAISE EXCEPTION 'bidding on tender % is closed', v_tender USING ERRCODE = 'ZT002';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tender_bids_deadline BEFORE INSERT OR UPDATE OR DELETE ON tender_bids
  FOR EACH ROW EXECUTE FUNCTION tender_bids_before_deadline();
--> statement-breakpoint
CREATE FUNCTION tenders_deadline_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'draft' AND NEW.status = 'open' AND NEW.deadline <= clock_timestamp() THEN
    RAISE EXCEPTION 'the deadline of tender % has passed', OLD.id USING ERRCODE = 'ZT003';
  END IF;
  IF OLD.status <> 'draft' THEN
    IF NEW.deadline < OLD.deadline
       OR (NEW.deadline <> OLD.deadline AND clock_timestamp() >= OLD.deadline)
       OR NEW.public_key IS DISTINCT FROM OLD.public_key THEN
      RAISE EXCEPTION 'the deadline and key of published tender % cannot move back', OLD.id USING ERRCODE = 'ZT003';
    END IF;
    IF OLD.status = 'open' AND NEW.status <> 'open' AND clock_timestamp() < OLD.deadline THEN
      RAISE EXCEPTION 'tender % cannot close before its deadline', OLD.id USING ERRCODE = 'ZT001';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tenders_deadline BEFORE UPDATE ON tenders
  FOR EACH ROW EXECUTE FUNCTION tenders_deadline_rules();
--> statement-breakpoint
CREATE FUNCTION tender_openings_after_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM tenders t WHERE t.id = NEW.tender_id AND now() >= t.deadline) THEN
    RAISE EXCEPTION 'tender % is sealed until its deadline', NEW.tender_id USING ERRCODE = 'ZT001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tender_openings_deadline BEFORE INSERT ON tender_openings
  FOR EACH ROW EXECUTE FUNCTION tender_openings_after_deadline();
--> statement-breakpoint
CREATE FUNCTION tendering_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'ZT004';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tender_keys_immutable BEFORE UPDATE OR DELETE ON tender_keys
  FOR EACH ROW EXECUTE FUNCTION tendering_append_only();
--> statement-breakpoint
CREATE TRIGGER tender_bid_receipts_append_only BEFORE UPDATE OR DELETE ON tender_bid_receipts
  FOR EACH ROW EXECUTE FUNCTION tendering_append_only();
--> statement-breakpoint
CREATE TRIGGER tender_scores_append_only BEFORE UPDATE OR DELETE ON tender_scores
  FOR EACH ROW EXECUTE FUNCTION tendering_append_only();
--> statement-breakpoint
CREATE TRIGGER tender_openings_append_only BEFORE UPDATE OR DELETE ON tender_openings
  FOR EACH ROW EXECUTE FUNCTION tendering_append_only();
--> statement-breakpoint
CREATE TRIGGER tender_evaluations_append_only BEFORE UPDATE OR DELETE ON tender_evaluations
  FOR EACH ROW EXECUTE FUNCTION tendering_append_only();
