-- A ledger transaction stays as written, with two exceptions: the result a use case learns only after
-- posting (a grant) may be filled in once, and a memo may be rewritten by the erasure of a person's
-- personal data (core/people/erase-person.ts), which marks its own database transaction with the
-- setting `plaudit.erasing`. A memo is free text (a spot award's message); amounts, accounts, kinds,
-- keys and times never change.
CREATE OR REPLACE FUNCTION plaudit_transaction_result_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('plaudit.erasing', true) = 'on'
     AND (to_jsonb(NEW) - 'memo') IS NOT DISTINCT FROM (to_jsonb(OLD) - 'memo') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' OR OLD.result IS NOT NULL
     OR (to_jsonb(NEW) - 'result') IS DISTINCT FROM (to_jsonb(OLD) - 'result') THEN
    RAISE EXCEPTION 'ledger rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
