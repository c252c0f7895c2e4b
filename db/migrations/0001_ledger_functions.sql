-- Ledger rules that must hold whatever code writes to the database, and the one-round-trip give.
-- Domain failures are raised with SQLSTATE 'PLDT1', the error code as MESSAGE and a JSON DETAIL;
-- core/errors.ts turns them into DomainError.

CREATE FUNCTION plaudit_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION plaudit_forbid_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION plaudit_forbid_change();
--> statement-breakpoint
-- A transaction row is written once, except that a use case that learns its result only after posting
-- (a grant) may fill the empty result in, in the same transaction, so that a replay is told the same.
CREATE FUNCTION plaudit_transaction_result_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.result IS NOT NULL
     OR (to_jsonb(NEW) - 'result') IS DISTINCT FROM (to_jsonb(OLD) - 'result') THEN
    RAISE EXCEPTION 'ledger rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
  FOR EACH ROW EXECUTE FUNCTION plaudit_transaction_result_only();
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION plaudit_forbid_change();
--> statement-breakpoint
CREATE FUNCTION plaudit_domain_error(p_code text, p_detail jsonb DEFAULT '{}'::jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'PLDT1', MESSAGE = p_code, DETAIL = p_detail::text;
END $$;
--> statement-breakpoint
-- The calendar month (YYYY-MM) that an instant falls in, in the org's time zone.
CREATE FUNCTION plaudit_period(p_time_zone text, p_at timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT to_char(p_at AT TIME ZONE p_time_zone, 'YYYY-MM')
$$;
--> statement-breakpoint
-- What a person may give in a month: their override or the org default, plus the per-report amount
-- for each active direct report, plus the month's boosts.
CREATE FUNCTION plaudit_allowance_entitlement(p_org uuid, p_person uuid, p_period text) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT coalesce(ov.monthly_amount, o.default_monthly_allowance)
       + o.manager_allowance_per_report
         * (SELECT count(*) FROM people r WHERE r.org_id = p_org AND r.manager_id = p_person AND r.active)
       + coalesce((SELECT sum(b.amount) FROM allowance_boosts b
                   WHERE b.org_id = p_org AND b.person_id = p_person AND b.period = p_period), 0)
  FROM organizations o
  LEFT JOIN allowance_overrides ov ON ov.org_id = o.id AND ov.person_id = p_person
  WHERE o.id = p_org
$$;
--> statement-breakpoint
-- Writes a balanced transaction and moves the cached balances of the person accounts it touches; the
-- CHECK on balance refuses any overdraft. Returns the new transaction's id.
CREATE FUNCTION plaudit_post(
  p_org uuid, p_kind transaction_kind, p_key text, p_hash text, p_actor uuid, p_memo text,
  p_closes bigint, p_accounts bigint[], p_amounts bigint[]
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_txn bigint;
BEGIN
  IF cardinality(p_accounts) <> cardinality(p_amounts) OR cardinality(p_accounts) < 2 THEN
    RAISE EXCEPTION 'a transaction needs matching accounts and amounts, at least two';
  END IF;
  IF (SELECT sum(a) FROM unnest(p_amounts) a) <> 0 THEN
    RAISE EXCEPTION 'unbalanced transaction %: entries sum to %', p_key, (SELECT sum(a) FROM unnest(p_amounts) a);
  END IF;
  INSERT INTO ledger_transactions (org_id, kind, idempotency_key, request_hash, actor_person_id, memo, closes_transaction_id)
  VALUES (p_org, p_kind, p_key, p_hash, p_actor, p_memo, p_closes)
  RETURNING id INTO v_txn;
  INSERT INTO ledger_entries (org_id, transaction_id, account_id, amount)
  SELECT p_org, v_txn, e.account_id, e.amount FROM unnest(p_accounts, p_amounts) AS e(account_id, amount)
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
CREATE FUNCTION plaudit_system_account(p_org uuid, p_kind account_kind) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT id FROM ledger_accounts WHERE org_id = p_org AND kind = p_kind AND person_id IS NULL
$$;
--> statement-breakpoint
-- The person's allowance account for a month, opened on first use with that month's entitlement: the
-- month's allowance never depends on a scheduled job having run.
CREATE FUNCTION plaudit_allowance_account(p_org uuid, p_person uuid, p_period text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_account bigint;
  v_amount bigint;
BEGIN
  SELECT id INTO v_account FROM ledger_accounts
  WHERE org_id = p_org AND person_id = p_person AND kind = 'allowance' AND period = p_period;
  IF FOUND THEN
    RETURN v_account;
  END IF;
  INSERT INTO ledger_accounts (org_id, person_id, kind, period, balance)
  VALUES (p_org, p_person, 'allowance', p_period, 0)
  ON CONFLICT ON CONSTRAINT ledger_accounts_owner_unique DO NOTHING
  RETURNING id INTO v_account;
  IF v_account IS NULL THEN
    -- Another transaction opened it first; it also issued the allowance.
    SELECT id INTO v_account FROM ledger_accounts
    WHERE org_id = p_org AND person_id = p_person AND kind = 'allowance' AND period = p_period;
    RETURN v_account;
  END IF;
  v_amount := plaudit_allowance_entitlement(p_org, p_person, p_period);
  IF v_amount > 0 THEN
    PERFORM plaudit_post(p_org, 'allowance_issue', 'allowance:' || p_person || ':' || p_period, '', NULL,
      NULL, NULL, ARRAY[plaudit_system_account(p_org, 'allowance_issuance'), v_account], ARRAY[-v_amount, v_amount]);
  END IF;
  RETURN v_account;
END $$;
--> statement-breakpoint
-- Brings an open allowance account in line with the person's current entitlement after an override,
-- boost or org change. Never takes the remaining figure below zero: what was already given stays given.
CREATE FUNCTION plaudit_sync_allowance(p_org uuid, p_person uuid, p_period text, p_actor uuid) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_account bigint;
  v_balance bigint;
  v_issued bigint;
  v_delta bigint;
BEGIN
  v_account := plaudit_allowance_account(p_org, p_person, p_period);
  SELECT balance INTO v_balance FROM ledger_accounts WHERE id = v_account FOR NO KEY UPDATE;
  SELECT coalesce(sum(e.amount), 0) INTO v_issued
  FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
  WHERE e.account_id = v_account AND t.kind IN ('allowance_issue', 'allowance_adjust');
  v_delta := greatest(plaudit_allowance_entitlement(p_org, p_person, p_period) - v_issued, -v_balance);
  IF v_delta <> 0 THEN
    PERFORM plaudit_post(p_org, 'allowance_adjust', 'allowance-adjust:' || gen_random_uuid(), '', p_actor,
      NULL, NULL, ARRAY[plaudit_system_account(p_org, 'allowance_issuance'), v_account], ARRAY[-v_delta, v_delta]);
  END IF;
  RETURN v_balance + v_delta;
END $$;
--> statement-breakpoint
-- Give points: every rule that needs the database, the ledger postings and the recognition, in one
-- statement. Input shape (positive whole amount, non-empty message, distinct recipients) is checked by
-- core/give-points.ts before the call. Written for the hot path: one read of each row it needs, each
-- row written once, and the recipients' rows (the contended ones) locked as late as possible.
CREATE FUNCTION plaudit_give(
  p_org uuid, p_giver uuid, p_recipients uuid[], p_amount integer, p_message text, p_values text[],
  p_source recognition_source, p_key text, p_hash text, p_now timestamptz
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_org organizations%ROWTYPE;
  v_existing ledger_transactions%ROWTYPE;
  v_period text;
  v_total bigint := p_amount::bigint * cardinality(p_recipients);
  v_txn bigint;
  v_allowance bigint;
  v_remaining bigint;
  v_recognition uuid := gen_random_uuid();
  v_value_ids uuid[];
  v_unknown text[];
  v_bad record;
  v_accounts bigint[];
  v_balances jsonb;
  v_result jsonb;
BEGIN
  -- Identical requests arriving together queue here; each later one then finds the first's transaction
  -- and replays its result instead of giving twice. Held until commit; a hash collision between two
  -- different keys only makes them wait for each other.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_key, hashtextextended(p_org::text, 0)));
  SELECT * INTO v_existing FROM ledger_transactions WHERE org_id = p_org AND idempotency_key = p_key;
  IF FOUND THEN
    IF v_existing.request_hash <> p_hash OR v_existing.kind <> 'give' THEN
      PERFORM plaudit_domain_error('idempotency_conflict');
    END IF;
    RETURN v_existing.result || '{"replayed": true}'::jsonb;
  END IF;

  SELECT * INTO v_org FROM organizations WHERE id = p_org;
  IF NOT FOUND THEN
    PERFORM plaudit_domain_error('not_found', '{"entity": "organization"}');
  END IF;
  IF p_giver = ANY (p_recipients) THEN
    PERFORM plaudit_domain_error('self_give');
  END IF;
  IF p_amount < v_org.min_points_per_recognition OR p_amount > v_org.max_points_per_recognition THEN
    PERFORM plaudit_domain_error('amount_out_of_range', jsonb_build_object(
      'min', v_org.min_points_per_recognition, 'max', v_org.max_points_per_recognition));
  END IF;

  -- The giver and every recipient must be active people of this org, and not bots. Another org's id
  -- looks exactly like an id that does not exist. The common case, everyone fine, costs one index probe
  -- per person; only a refusal pays for working out which rule it breaks.
  IF (SELECT count(*) FROM people p
      WHERE p.org_id = p_org AND p.id = ANY (p_giver || p_recipients) AND p.active AND NOT p.is_bot)
     <> cardinality(p_recipients) + 1 THEN
    SELECT r.id, r.id = p_giver AS is_giver, p.id AS found, p.active, p.is_bot, p.name INTO v_bad
    FROM unnest(p_giver || p_recipients) AS r(id) LEFT JOIN people p ON p.org_id = p_org AND p.id = r.id
    WHERE p.id IS NULL OR NOT p.active OR p.is_bot
    ORDER BY r.id = p_giver DESC, p.id IS NULL DESC, p.is_bot DESC
    LIMIT 1;
    IF FOUND THEN
      IF v_bad.is_giver THEN
        PERFORM plaudit_domain_error('giver_inactive');
      ELSIF v_bad.found IS NULL THEN
        PERFORM plaudit_domain_error('recipient_not_found', jsonb_build_object('personId', v_bad.id));
      ELSIF v_bad.is_bot THEN
        PERFORM plaudit_domain_error('recipient_is_bot', jsonb_build_object('name', v_bad.name));
      ELSE
        PERFORM plaudit_domain_error('recipient_inactive', jsonb_build_object('name', v_bad.name));
      END IF;
    END IF;
  END IF;

  IF v_org.values_mode = 'off' AND cardinality(p_values) > 0 THEN
    PERFORM plaudit_domain_error('values_disabled');
  END IF;
  IF v_org.values_mode = 'required' AND cardinality(p_values) = 0 THEN
    PERFORM plaudit_domain_error('value_required');
  END IF;
  IF cardinality(p_values) > 0 THEN
    SELECT array_agg(v.id) FILTER (WHERE v.id IS NOT NULL),
           array_agg(n.name) FILTER (WHERE v.id IS NULL)
    INTO v_value_ids, v_unknown
    FROM unnest(p_values) AS n(name)
    LEFT JOIN company_values v ON v.org_id = p_org AND v.name = n.name AND v.retired_at IS NULL;
    IF v_unknown IS NOT NULL THEN
      PERFORM plaudit_domain_error('unknown_value', jsonb_build_object('names', to_jsonb(v_unknown)));
    END IF;
  END IF;

  -- The guarded update is the concurrency control: the row lock serialises gives from one person and
  -- the WHERE clause refuses the one that would overdraw. The month's account is opened on its first
  -- give, which is the only time the second attempt runs.
  v_period := plaudit_period(v_org.time_zone, p_now);
  UPDATE ledger_accounts SET balance = balance - v_total
  WHERE org_id = p_org AND person_id = p_giver AND kind = 'allowance' AND period = v_period AND balance >= v_total
  RETURNING id, balance INTO v_allowance, v_remaining;
  IF NOT FOUND THEN
    v_allowance := plaudit_allowance_account(p_org, p_giver, v_period);
    UPDATE ledger_accounts SET balance = balance - v_total
    WHERE id = v_allowance AND balance >= v_total
    RETURNING balance INTO v_remaining;
    IF NOT FOUND THEN
      PERFORM plaudit_domain_error('insufficient_allowance', jsonb_build_object(
        'remaining', (SELECT balance FROM ledger_accounts WHERE id = v_allowance), 'needed', v_total,
        'pointValuePoints', v_org.point_value_points, 'pointValueMinor', v_org.point_value_minor,
        'currency', v_org.currency));
    END IF;
  END IF;

  -- Credit each recipient's earned slot picked by this give's key (opening it on first use), in person
  -- order like every other writer. With everyone thanking one person, concurrent gives mostly land on
  -- different slots instead of queueing on one row; everything after this is a plain insert.
  WITH credited AS (
    INSERT INTO ledger_accounts AS a (org_id, person_id, kind, slot, balance)
    SELECT p_org, r.id, 'earned', (hashtextextended(p_key, 0) & 7)::smallint, p_amount
    FROM unnest(p_recipients) AS r(id) ORDER BY r.id
    ON CONFLICT ON CONSTRAINT ledger_accounts_owner_unique DO UPDATE SET balance = a.balance + excluded.balance
    RETURNING a.id
  )
  SELECT array_agg(id) INTO v_accounts FROM credited;
  -- A deactivation that committed while this give waited for a slot (it locks them all to forfeit the
  -- balance) must win: the give would otherwise credit a leaver after their points were forfeited.
  SELECT p.name INTO v_bad FROM people p
  WHERE p.org_id = p_org AND p.id = ANY (p_recipients) AND NOT p.active
  LIMIT 1;
  IF FOUND THEN
    PERFORM plaudit_domain_error('recipient_inactive', jsonb_build_object('name', v_bad.name));
  END IF;
  SELECT jsonb_object_agg(person_id, earned) INTO v_balances FROM (
    SELECT person_id, sum(balance) AS earned FROM ledger_accounts
    WHERE org_id = p_org AND kind = 'earned' AND person_id = ANY (p_recipients) AND period IS NULL
    GROUP BY person_id
  ) totals;

  v_txn := nextval(pg_get_serial_sequence('ledger_transactions', 'id'));
  v_result := jsonb_build_object(
    'transactionId', v_txn, 'recognitionId', v_recognition, 'period', v_period,
    'allowanceRemaining', v_remaining, 'earnedBalances', v_balances, 'createdAt', p_now);
  INSERT INTO ledger_transactions (id, org_id, kind, idempotency_key, request_hash, actor_person_id, result, created_at)
  VALUES (v_txn, p_org, 'give', p_key, p_hash, p_giver, v_result, p_now);
  INSERT INTO ledger_entries (org_id, transaction_id, account_id, amount, created_at)
  SELECT p_org, v_txn, e.account_id, e.amount, p_now
  FROM unnest(v_allowance || v_accounts, (-v_total) || array_fill(p_amount::bigint, ARRAY[cardinality(v_accounts)]))
    AS e(account_id, amount);

  INSERT INTO recognitions (id, org_id, giver_id, source, message, amount_per_recipient, total_amount, transaction_id, created_at)
  VALUES (v_recognition, p_org, p_giver, p_source, p_message, p_amount, v_total, v_txn, p_now);
  INSERT INTO recognition_recipients (recognition_id, person_id, org_id, amount, created_at)
  SELECT v_recognition, r.id, p_org, p_amount, p_now FROM unnest(p_recipients) AS r(id);
  IF v_value_ids IS NOT NULL THEN
    INSERT INTO recognition_values (recognition_id, value_id, org_id)
    SELECT DISTINCT v_recognition, v.id, p_org FROM unnest(v_value_ids) AS v(id);
  END IF;
  RETURN v_result || '{"replayed": false}'::jsonb;
END $$;
--> statement-breakpoint
-- Statements taking array parameters would otherwise be planned afresh on every call. The plans are
-- index probes whatever the data, so one generic plan per session serves every give.
ALTER FUNCTION plaudit_give(uuid, uuid, uuid[], integer, text, text[], recognition_source, text, text, timestamptz)
  SET plan_cache_mode = force_generic_plan;
