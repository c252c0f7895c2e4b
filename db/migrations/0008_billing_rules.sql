-- Postings carry the time of the business event they record (a grant's, a redemption's), so that the
-- ledger and the liability it shows agree with the bills; `now()` when the caller names none.
DROP FUNCTION plaudit_post(uuid, transaction_kind, text, text, uuid, text, bigint, bigint[], bigint[]);
--> statement-breakpoint
CREATE FUNCTION plaudit_post(
  p_org uuid, p_kind transaction_kind, p_key text, p_hash text, p_actor uuid, p_memo text,
  p_closes bigint, p_accounts bigint[], p_amounts bigint[], p_at timestamptz DEFAULT NULL
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_txn bigint;
  v_at timestamptz := coalesce(p_at, now());
BEGIN
  IF cardinality(p_accounts) <> cardinality(p_amounts) OR cardinality(p_accounts) < 2 THEN
    RAISE EXCEPTION 'a transaction needs matching accounts and amounts, at least two';
  END IF;
  IF (SELECT sum(a) FROM unnest(p_amounts) a) <> 0 THEN
    RAISE EXCEPTION 'unbalanced transaction %: entries sum to %', p_key, (SELECT sum(a) FROM unnest(p_amounts) a);
  END IF;
  INSERT INTO ledger_transactions (org_id, kind, idempotency_key, request_hash, actor_person_id, memo, closes_transaction_id, created_at)
  VALUES (p_org, p_kind, p_key, p_hash, p_actor, p_memo, p_closes, v_at)
  RETURNING id INTO v_txn;
  INSERT INTO ledger_entries (org_id, transaction_id, account_id, amount, created_at)
  SELECT p_org, v_txn, e.account_id, e.amount, v_at FROM unnest(p_accounts, p_amounts) AS e(account_id, amount)
  WHERE e.amount <> 0;
  -- Lock first, then update: an UPDATE ... FROM alone locks rows in whatever order its join produces.
  -- Every writer takes person accounts in one order: allowance first, then earned by person and slot.
  PERFORM 1 FROM ledger_accounts
  WHERE id = ANY (p_accounts) AND org_id = p_org AND balance IS NOT NULL
  ORDER BY kind <> 'allowance', person_id, slot FOR NO KEY UPDATE;
  UPDATE ledger_accounts a SET balance = a.balance + d.amount
  FROM (SELECT account_id, sum(amount) AS amount FROM unnest(p_accounts, p_amounts) AS e(account_id, amount)
        GROUP BY account_id) d
  WHERE a.id = d.account_id AND a.org_id = p_org AND a.balance IS NOT NULL AND d.amount <> 0;
  RETURN v_txn;
END $$;
--> statement-breakpoint
-- A transaction dated into a day whose totals are already summarised (only a back-dated one: the demo
-- seed, a test) clears that day, to be summarised again when next read. The WHEN clause costs the hot
-- path nothing: a give dated now never calls the function.
CREATE FUNCTION plaudit_unsummarise_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ledger_days_summarised
  WHERE org_id = NEW.org_id AND day = (NEW.created_at AT TIME ZONE 'UTC')::date;
  DELETE FROM ledger_day_totals
  WHERE org_id = NEW.org_id AND day = (NEW.created_at AT TIME ZONE 'UTC')::date;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_unsummarise AFTER INSERT ON ledger_transactions
  FOR EACH ROW WHEN (NEW.created_at < now() - interval '10 minutes')
  EXECUTE FUNCTION plaudit_unsummarise_day();
--> statement-breakpoint
-- A closed bill never changes: not its row, not its lines, and no line joins it.
CREATE FUNCTION plaudit_forbid_closed_bill_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'closed' THEN
    RAISE EXCEPTION 'bill % is closed: % refused', OLD.number, TG_OP USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER bills_closed_frozen BEFORE UPDATE OR DELETE ON bills
  FOR EACH ROW EXECUTE FUNCTION plaudit_forbid_closed_bill_change();
--> statement-breakpoint
CREATE FUNCTION plaudit_forbid_closed_bill_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_bill uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.bill_id ELSE OLD.bill_id END;
  v_number text;
BEGIN
  SELECT number INTO v_number FROM bills WHERE id = v_bill AND status = 'closed';
  IF FOUND THEN
    RAISE EXCEPTION 'bill % is closed: % of a line refused', v_number, TG_OP USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.bill_id <> OLD.bill_id THEN
    RAISE EXCEPTION 'a bill line never moves to another bill' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER bill_lines_closed_frozen BEFORE INSERT OR UPDATE OR DELETE ON bill_lines
  FOR EACH ROW EXECUTE FUNCTION plaudit_forbid_closed_bill_line_change();
--> statement-breakpoint
CREATE TRIGGER bill_lines_no_truncate BEFORE TRUNCATE ON bill_lines
  FOR EACH STATEMENT EXECUTE FUNCTION plaudit_forbid_change();
