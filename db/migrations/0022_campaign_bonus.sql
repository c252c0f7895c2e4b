-- Campaigns: a give inside a running campaign credits its recipients amount x multiplier, the bonus
-- from the company's campaign_bonus account, all in the give's one statement (core/campaigns).
--
-- A system account of a kind added after an org was created is opened on first use: the enum value
-- was added in the previous migration, which runs in the same transaction, so it can't be used here.
CREATE FUNCTION plaudit_opened_system_account(p_org uuid, p_kind account_kind) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_account bigint;
BEGIN
  SELECT id INTO v_account FROM ledger_accounts WHERE org_id = p_org AND kind = p_kind AND person_id IS NULL;
  IF FOUND THEN
    RETURN v_account;
  END IF;
  INSERT INTO ledger_accounts (org_id, kind) VALUES (p_org, p_kind)
  ON CONFLICT ON CONSTRAINT ledger_accounts_owner_unique DO NOTHING
  RETURNING id INTO v_account;
  IF v_account IS NULL THEN
    SELECT id INTO v_account FROM ledger_accounts WHERE org_id = p_org AND kind = p_kind AND person_id IS NULL;
  END IF;
  RETURN v_account;
END $$;
--> statement-breakpoint
-- Give points: every rule that needs the database, the ledger postings and the recognition, in one
-- statement. Input shape (positive whole amount, non-empty message, distinct recipients) is checked by
-- core/give-points.ts before the call. Written for the hot path: one read of each row it needs, each
-- row written once, and the recipients' rows (the contended ones) locked as late as possible.
CREATE OR REPLACE FUNCTION plaudit_give(
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
  v_campaign record;
  v_bonus integer := 0;
  v_bonus_account bigint;
  v_campaign_short text;
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

  -- A campaign running on the org's local day (for the give's values, when it names one) adds
  -- amount x (multiplier - 1) to each recipient, paid by the company. With a budget, the guarded
  -- update is the concurrency control, as for the allowance: the bonus that would overspend it is
  -- refused and the give goes ahead at x1, saying so. Campaigns without a budget are never written.
  SELECT c.id, c.name, c.multiplier, c.budget IS NOT NULL AS budgeted,
         c.budget IS NULL OR c.budget - c.bonus_spent
           >= p_amount::bigint * (c.multiplier - 1) * cardinality(p_recipients) AS affordable
  INTO v_campaign
  FROM campaigns c
  WHERE c.org_id = p_org AND c.starts_on <= (p_now AT TIME ZONE v_org.time_zone)::date
    AND (c.ends_on IS NULL OR c.ends_on >= (p_now AT TIME ZONE v_org.time_zone)::date)
    AND (c.ended_at IS NULL OR c.ended_at > p_now)
    AND (c.value_id IS NULL OR c.value_id = ANY (v_value_ids))
  ORDER BY 5 DESC, c.multiplier DESC, c.starts_on, c.id
  LIMIT 1;
  IF FOUND THEN
    IF v_campaign.affordable THEN
      v_bonus := p_amount * (v_campaign.multiplier - 1);
    END IF;
    IF v_campaign.budgeted AND v_bonus > 0 THEN
      UPDATE campaigns SET bonus_spent = bonus_spent + v_bonus::bigint * cardinality(p_recipients)
      WHERE id = v_campaign.id AND bonus_spent + v_bonus::bigint * cardinality(p_recipients) <= budget;
      IF NOT FOUND THEN
        v_bonus := 0;
      END IF;
    END IF;
    IF v_bonus = 0 THEN
      v_campaign_short := v_campaign.name;
    ELSE
      v_bonus_account := plaudit_opened_system_account(p_org, 'campaign_bonus');
    END IF;
  END IF;

  -- Credit each recipient's earned slot picked by this give's key (opening it on first use), in person
  -- order like every other writer. With everyone thanking one person, concurrent gives mostly land on
  -- different slots instead of queueing on one row; everything after this is a plain insert.
  WITH credited AS (
    INSERT INTO ledger_accounts AS a (org_id, person_id, kind, slot, balance)
    SELECT p_org, r.id, 'earned', (hashtextextended(p_key, 0) & 7)::smallint, p_amount + v_bonus
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
    'allowanceRemaining', v_remaining, 'earnedBalances', v_balances, 'createdAt', p_now,
    'bonus', CASE WHEN v_bonus > 0 THEN jsonb_build_object('campaignId', v_campaign.id,
      'campaignName', v_campaign.name, 'multiplier', v_campaign.multiplier, 'perRecipient', v_bonus) END,
    'budgetSpentCampaign', v_campaign_short);
  INSERT INTO ledger_transactions (id, org_id, kind, idempotency_key, request_hash, actor_person_id, result, created_at)
  VALUES (v_txn, p_org, 'give', p_key, p_hash, p_giver, v_result, p_now);
  INSERT INTO ledger_entries (org_id, transaction_id, account_id, amount, created_at)
  SELECT p_org, v_txn, e.account_id, e.amount, p_now
  FROM unnest(v_allowance || v_accounts, (-v_total) || array_fill(p_amount::bigint + v_bonus, ARRAY[cardinality(v_accounts)]))
    AS e(account_id, amount)
  UNION ALL
  SELECT p_org, v_txn, v_bonus_account, -v_bonus::bigint * cardinality(p_recipients), p_now WHERE v_bonus > 0;

  INSERT INTO recognitions (id, org_id, giver_id, source, message, amount_per_recipient, total_amount, transaction_id,
    campaign_id, bonus_per_recipient, created_at)
  VALUES (v_recognition, p_org, p_giver, p_source, p_message, p_amount, v_total, v_txn,
    CASE WHEN v_bonus > 0 THEN v_campaign.id END, v_bonus, p_now);
  INSERT INTO recognition_recipients (recognition_id, person_id, org_id, amount, created_at)
  SELECT v_recognition, r.id, p_org, p_amount + v_bonus, p_now FROM unnest(p_recipients) AS r(id);
  IF v_value_ids IS NOT NULL THEN
    INSERT INTO recognition_values (recognition_id, value_id, org_id)
    SELECT DISTINCT v_recognition, v.id, p_org FROM unnest(v_value_ids) AS v(id);
  END IF;
  RETURN v_result || '{"replayed": false}'::jsonb;
END $$;
--> statement-breakpoint
-- Replacing a function drops its settings: the generic plan is asked for again.
ALTER FUNCTION plaudit_give(uuid, uuid, uuid[], integer, text, text[], recognition_source, text, text, timestamptz)
  SET plan_cache_mode = force_generic_plan;
