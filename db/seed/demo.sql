-- Demo shop for `pnpm dev` and the end-to-end tests: えにし珈琲 (Enishi Coffee), a small café chain that
-- also ships beans. Written for this repo; every row is fictional.
--
-- Runs on every `pnpm dev` start: INSERT OR IGNORE on fixed keys makes a second run change nothing, and
-- leaves alone whatever the demo changed since (a friend who blocked stays blocked).
-- LINE user IDs must match test/dev/demo-users.ts (the simulator's customers) and docs/dev-contracts.md.
-- Timestamps are epoch ms, fixed so reruns are identical: 1790816400000 = 2026-10-01 10:00 JST,
-- 1793491200000 = 2026-11-01 09:00 JST.

-- Stores
INSERT OR IGNORE INTO stores (id, name, address, created_at) VALUES
  ('store-shibuya', '渋谷店', '東京都渋谷区神南1-2-3 えにしビル1F', 1790816400000),
  ('store-yokohama', '横浜店', '神奈川県横浜市西区みなとみらい4-5-6', 1790816400000),
  ('store-online', 'オンラインストア', NULL, 1790816400000);

-- Members (the shop's own records, imported before LINE)
-- 100001 and 100002 are already linked to demo LINE users; 100003 belongs to the customer みさき, who is a
-- friend but has not linked yet (member number 100003 + birthday 1998-07-21 or phone 2468 links her).
INSERT OR IGNORE INTO members
  (id, member_number, name, name_kana, birthday, phone_last4, store_id, line_user_id, created_at, updated_at) VALUES
  ('mem-100001', '100001', '佐藤 花子', 'サトウ ハナコ', '1990-04-12', '1234', 'store-shibuya', 'U00000000000000000000000000000c01', 1790816400000, 1793491200000),
  ('mem-100002', '100002', '鈴木 健太', 'スズキ ケンタ', '1985-11-03', '5678', 'store-yokohama', 'U00000000000000000000000000000c02', 1790816400000, 1793491200000),
  ('mem-100003', '100003', '高橋 美咲', 'タカハシ ミサキ', '1998-07-21', '2468', 'store-shibuya', NULL, 1790816400000, 1790816400000),
  ('mem-100004', '100004', '田中 翔', 'タナカ ショウ', '1979-01-30', '1357', 'store-yokohama', NULL, 1790816400000, 1790816400000),
  ('mem-100005', '100005', '伊藤 さくら', 'イトウ サクラ', '2001-03-15', '9012', 'store-online', NULL, 1790816400000, 1790816400000),
  ('mem-100006', '100006', '渡辺 大輔', 'ワタナベ ダイスケ', '1993-09-09', '3141', 'store-shibuya', NULL, 1790816400000, 1790816400000);

-- Tags
INSERT OR IGNORE INTO tag_groups (id, name, color) VALUES
  ('tg-store', '店舗', '#06c755'),
  ('tg-interest', '興味', '#f5a623'),
  ('tg-rank', '会員ランク', '#8e6bd8');

INSERT OR IGNORE INTO tags (id, name, group_id, color, created_at) VALUES
  ('tag-store-shibuya', '渋谷店', 'tg-store', NULL, 1790816400000),
  ('tag-store-yokohama', '横浜店', 'tg-store', NULL, 1790816400000),
  ('tag-store-online', 'オンライン', 'tg-store', NULL, 1790816400000),
  ('tag-interest-drip', 'ハンドドリップ', 'tg-interest', NULL, 1790816400000),
  ('tag-interest-sweets', '焼き菓子', 'tg-interest', NULL, 1790816400000),
  ('tag-interest-subscription', '豆の定期便', 'tg-interest', NULL, 1790816400000),
  ('tag-rank-regular', 'レギュラー', 'tg-rank', NULL, 1790816400000),
  ('tag-rank-silver', 'シルバー', 'tg-rank', NULL, 1790816400000),
  ('tag-rank-gold', 'ゴールド', 'tg-rank', NULL, 1790816400000);

-- Staff and admin (LINE Login identities; the admin is also named in ADMIN_LINE_USER_IDS)
INSERT OR IGNORE INTO staff_roles (line_user_id, role, display_name, granted_by, created_at) VALUES
  ('U00000000000000000000000000000501', 'staff', '山本 (渋谷店スタッフ)', 'U00000000000000000000000000000a01', 1790816400000),
  ('U00000000000000000000000000000a01', 'admin', '小林 (オーナー)', NULL, 1790816400000);

-- Friends: the demo customers of the chat simulator
INSERT OR IGNORE INTO friends
  (line_user_id, display_name, picture_url, status_message, language, status, followed_at, unfollowed_at, last_active_at, created_at, updated_at) VALUES
  ('U00000000000000000000000000000c01', '佐藤 花子', NULL, '朝はラテ派', 'ja', 'following', 1790816400000, NULL, 1793491200000, 1790816400000, 1793491200000),
  ('U00000000000000000000000000000c02', 'ケンタ', NULL, NULL, 'ja', 'following', 1790816400000, NULL, 1794281402000, 1790816400000, 1794281402000),
  ('U00000000000000000000000000000c03', 'みさき', NULL, NULL, 'ja', 'following', 1793491200000, NULL, 1793491200000, 1793491200000, 1793491200000);

INSERT OR IGNORE INTO friend_tags (line_user_id, tag_id, source, created_at) VALUES
  ('U00000000000000000000000000000c01', 'tag-store-shibuya', 'seed', 1790816400000),
  ('U00000000000000000000000000000c01', 'tag-rank-gold', 'seed', 1790816400000),
  ('U00000000000000000000000000000c01', 'tag-interest-drip', 'seed', 1790816400000),
  ('U00000000000000000000000000000c02', 'tag-store-yokohama', 'seed', 1790816400000),
  ('U00000000000000000000000000000c02', 'tag-rank-silver', 'seed', 1790816400000),
  ('U00000000000000000000000000000c02', 'tag-interest-subscription', 'seed', 1790816400000),
  ('U00000000000000000000000000000c03', 'tag-store-shibuya', 'seed', 1793491200000),
  ('U00000000000000000000000000000c03', 'tag-interest-sweets', 'seed', 1793491200000);

-- A short past conversation, so the staff console has something to show on first start. The unique
-- webhook_event_id (inbound) and outbound_key (outbound) make these rows idempotent.
INSERT OR IGNORE INTO messages
  (line_user_id, direction, sender, kind, text, payload, line_message_id, webhook_event_id, delivery, method, retry_key, line_request_id, error, staff_user_id, outbound_key, created_at, sent_at) VALUES
  ('U00000000000000000000000000000c02', 'in', 'customer', 'text', '豆の定期便の配送日は変更できますか？',
   '{"type":"text","id":"seed-msg-c02-1","text":"豆の定期便の配送日は変更できますか？"}',
   'seed-msg-c02-1', 'seed-evt-c02-1', 'received', NULL, NULL, NULL, NULL, NULL, NULL, 1794281400000, NULL);
INSERT OR IGNORE INTO messages
  (line_user_id, direction, sender, kind, text, payload, line_message_id, webhook_event_id, delivery, method, retry_key, line_request_id, error, staff_user_id, outbound_key, created_at, sent_at) VALUES
  ('U00000000000000000000000000000c02', 'out', 'bot', 'text', 'メッセージありがとうございます。内容を確認して担当者よりご連絡いたします。',
   '{"type":"text","text":"メッセージありがとうございます。内容を確認して担当者よりご連絡いたします。"}',
   NULL, NULL, 'sent', 'reply', NULL, NULL, NULL, NULL, 'seed:c02:1', 1794281402000, 1794281402000);

-- FAQ: what the bot answers (question, answer, alternate phrasings)
INSERT OR IGNORE INTO faq_entries (id, question, answer, alternates, enabled, created_at, updated_at) VALUES
  ('faq-hours', '営業時間を教えてください',
   '渋谷店は毎日 8:00〜21:00、横浜店は 9:00〜20:00 です（年末年始を除く）。

Shibuya is open daily 8:00–21:00, Yokohama 9:00–20:00 (closed over New Year).',
   '["何時から開いていますか","何時まで営業していますか","営業時間","定休日はありますか","opening hours"]', 1, 1790816400000, 1790816400000),
  ('faq-parking', '駐車場はありますか',
   '専用駐車場はございません。近隣のコインパーキングをご利用ください。横浜店はみなとみらい地下駐車場の2時間無料券をお渡しします。

We have no car park of our own; Yokohama gives a 2-hour ticket for the Minatomirai underground car park.',
   '["車で行けますか","パーキング","駐車券","parking"]', 1, 1790816400000, 1790816400000),
  ('faq-points', 'ポイントはどうやって貯まりますか',
   'お会計100円ごとに1ポイント貯まります。レジで会員証のQRコードをご提示ください。ゴールド会員は2倍です。

You earn 1 point per ¥100: show your member card QR code at the till. Gold members earn double.',
   '["ポイントの貯め方","ポイント還元率","ポイント付与","points"]', 1, 1790816400000, 1790816400000),
  ('faq-card', '会員証はどこで表示できますか',
   'トーク画面下のメニューから「会員証」をタップすると表示されます。スクリーンショットは使えませんのでご注意ください。

Tap "Member card" in the menu below the chat. Screenshots do not work at the till.',
   '["会員証を見せたい","会員カード","QRコードが出ない","member card"]', 1, 1790816400000, 1790816400000),
  ('faq-link', 'お店の会員番号とLINEを連携したい',
   'メニューの「会員連携」から、会員番号と生年月日（または電話番号の下4桁）を入力すると連携できます。

Open "Link membership" in the menu and enter your member number and birthday (or the last 4 digits of your phone).',
   '["ID連携","会員番号を登録","アカウント連携","link my account"]', 1, 1790816400000, 1790816400000),
  ('faq-shipping', 'コーヒー豆の送料はいくらですか',
   '3,000円以上のご注文で送料無料、それ未満は全国一律550円です。定期便は常に送料無料です。

Free shipping from ¥3,000; otherwise ¥550 anywhere in Japan. Subscriptions always ship free.',
   '["送料","配送料","定期便の送料","shipping cost"]', 1, 1790816400000, 1790816400000),
  ('faq-wifi', 'Wi-Fiや電源は使えますか',
   '全店で無料Wi-Fiをご利用いただけます。電源席は渋谷店のカウンター席にございます。

Free Wi-Fi in every store; power outlets at the Shibuya counter seats.',
   '["wifi","コンセント","電源席","作業できますか"]', 1, 1790816400000, 1790816400000);

-- Account linking (issue 3 §5): the demo shop website's accounts for LINE's account-link flow (rich menu
-- "会員連携" → login page /link/login). Password of both: enishi-demo (PBKDF2-SHA256, 100,000 iterations).
INSERT OR IGNORE INTO shop_accounts (id, login_id, password_hash, member_id, created_at) VALUES
  ('shop-acct-100003', 'misaki@example.com', 'pbkdf2-sha256$100000$i9K7uQl61y7tOihE7E2l3g$5n-3_YzWGItbnpeuwG5ybup1Nd7yTbGIyhrwF0ilJB8', 'mem-100003', 1790816400000),
  ('shop-acct-100004', 'sho@example.com', 'pbkdf2-sha256$100000$dAjnfQlA_Gc1tRWvCAVxpQ$k9y6QcX9DGHgvPqS2dSyGFiJ23BRh0i6bXBrimMjxFA', 'mem-100004', 1790816400000);

-- Member card, points and ranks (issue 3): ranks above the migration's レギュラー (0 pt), store rates, and a
-- points history for the two linked members. Timestamps: 1765767600000 = 2025-12-15 12:00 JST (expires
-- 2026-12-15, so 花子 has points "expiring soon"), 1792477800000 = 2026-10-20 15:30 JST.
INSERT OR IGNORE INTO ranks (id, name, name_en, min_points, multiplier_pct, color, created_at, updated_at) VALUES
  ('rank-silver', 'シルバー', 'Silver', 1000, 150, '#8a9aa9', 1790816400000, 1790816400000),
  ('rank-gold', 'ゴールド', 'Gold', 3000, 200, '#c9a227', 1790816400000, 1790816400000);

-- 渋谷店 is a flagship with the default rate (1 pt per ¥100); the online store gives half.
UPDATE stores SET point_rate_bp = 50 WHERE id = 'store-online' AND point_rate_bp IS NULL;

INSERT OR IGNORE INTO point_ledger
  (member_id, kind, points, source, source_ref, reason, purchase_amount, store_id, staff_user_id, idempotency_key, expires_at, expiry_state, created_at) VALUES
  ('mem-100001', 'grant', 1200, 'purchase', NULL, NULL, 60000, 'store-shibuya', 'U00000000000000000000000000000501', 'seed:100001:1', 1797303600000, 'pending', 1765767600000),
  ('mem-100001', 'grant', 2400, 'purchase', NULL, NULL, 120000, 'store-shibuya', 'U00000000000000000000000000000501', 'seed:100001:2', 1822352400000, 'pending', 1790816400000),
  ('mem-100001', 'use', -500, 'order', NULL, 'オンライン注文でご利用 / Used on an online order', NULL, 'store-online', NULL, 'seed:100001:3', NULL, NULL, 1793491200000),
  ('mem-100002', 'grant', 1420, 'purchase', NULL, NULL, 94700, 'store-yokohama', 'U00000000000000000000000000000501', 'seed:100002:1', 1824013800000, 'pending', 1792477800000);

UPDATE members SET rank_id = 'rank-gold', rank_changed_at = 1790816400000 WHERE id = 'mem-100001' AND rank_id IS NULL;
UPDATE members SET rank_id = 'rank-silver', rank_changed_at = 1792477800000 WHERE id = 'mem-100002' AND rank_id IS NULL;
