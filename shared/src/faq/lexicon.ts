/**
 * General customer-service vocabulary for shop FAQs: words that customers and FAQ writers use for the
 * same thing (「値段」「料金」「おいくら」), okurigana variants (「申込」「申し込み」), readings people type in
 * kana instead of the kanji (「へんこう」「ちゅうしゃじょう」), and the English or romaji they mix in.
 *
 * Deliberately domain-neutral: a concept belongs here only if a café, a clinic or a shop would use it as
 * readily as a hair salon. Shop-specific words (menus, products) come from the FAQ's own entries and
 * alternates, or from `FaqIndexOptions.synonyms`. A text containing any form gets the concept as a term.
 *
 * Forms are matched as substrings of the folded key (kana folded, see normalize.ts), latin ones as whole
 * words, so each form must be unambiguous on its own: the comments say which tempting forms were left out.
 * Space-separated strings keep the list one line per concept.
 */
const CONCEPT_FORMS = {
  // not 「料」 alone: 「料理」「資料」
  price:
    "料金 値段 価格 費用 代金 金額 いくら 何円 お金 有料 無料 タダ 税込 円 手数料 送料 キャンセル料 入会金 会費 ねだん りょうきん price fee cost",
  // not 「オフ」: 「通知をオフ」 is as common as 「20%オフ」
  discount: "割引 割り引 わりびき 安く 安い お得 何割 学割 半額 discount sale",
  firstTime: "初回 初めて はじめて 新規 初来店 しょかい first",
  student: "学生 学割 生徒 小学生 中学生 高校生 大学生 student",
  child: "子ども 子供 こども 子連れ お子様 お子さん キッズ 赤ちゃん 乳児 幼児 ベビー 娘 息子 kids child baby",
  reserve: "予約 よやく 申し込 申込 もうしこみ booking book reserve reservation",
  cancel: "キャンセル 取り消 取消 とりけし 行けなくな 来られなくな 無断 すっぽかし ドタキャン cancel",
  change: "変更 へんこう 変え 変わ 直し 直せ 修正 移し ずらし 後ろ倒し 前倒し change",
  sameDay: "当日 今日 きょう 今から これから 直前 今すぐ today",
  hours: "営業時間 えいぎょう 何時 開店 閉店 開いて 最終受付 受付時間 open close",
  closedDay: "定休日 ていきゅう 休み 休業 店休日 休館日 休日 年末年始 正月 お盆 ゴールデンウィーク 連休 祝日 gw holiday",
  parking: "駐車 ちゅうしゃじょう パーキング 停め 車で 車を parking",
  access: "場所 ばしょ 最寄 アクセス 行き方 道順 地図 徒歩 歩いて 出口 改札 駅から 何口 北口 南口 東口 西口 map access",
  present: "提示 見せ 見せれ 出せば 出せる かざす",
  payment:
    "支払 しはらい 払い 払え 決済 会計 現金 クレジット 分割 一括 電子マネー 交通系 キャッシュレス アメックス suica pasmo paypay amex visa jcb mastercard pay",
  point: "ポイント pt point",
  // not 「付け」 (「受け付け」) nor 「もらえ」 (「教えてもらえますか」)
  earn: "貯ま 貯め 溜ま たまる たまり たまっ 付与 還元 付く 付か 付いて",
  balance: "残高 保有 残り 貯まってる 貯まっている 何ポイント 何pt 現在の",
  coupon: "クーポン 割引券 coupon",
  // not 「切れ」 alone: 「売り切れ」「品切れ」
  expiry: "有効期限 期限 きげん いつまで 失効 消え 使用期限 expire",
  shippingFee: "送料 そうりょう 配送料 運賃 shipping",
  delivery: "届く 届き 届か 届け 発送 出荷 配送 配達 到着 追跡 伝票番号 delivery",
  returns: "返品 へんぴん 交換 返送 取り替え 取替 不良品 破損 return refund",
  lost: "忘れ物 わすれもの 忘れもの 落とし物 落し物 置き忘れ 忘れた 落とし 置いてき 紛失 なくし 無くし 失くし lost",
  internet: "ワイファイ インターネット ネットつな ネットに接続 無線lan wifi internet",
  charging: "充電 じゅうでん 電源 コンセント 電池 バッテリー usb charge",
  newPhone: "機種変 乗り換え 乗換 買い替え スマホ変え スマホを変え 携帯変え 引き継 引継",
  phone: "スマホ スマートフォン 携帯 ケータイ iphone android phone",
  profile: "登録情報 登録内容 住所 電話番号 携帯番号 メールアドレス メアド 氏名 苗字 名字 生年月日 誕生日 引っ越 引越 email address",
  notice: "通知 つうち 配信 お知らせ メッセージ 宣伝 広告 プッシュ notification",
  // not 「切りたい」: 「髪を切りたい」
  stop: "止め 停止 オフ 解除 要らな いらな 不要 うるさい stop",
  takeout: "テイクアウト 持ち帰 持帰 お持ち帰り takeout",
  gift: "ギフト 商品券 しょうひんけん プレゼント 贈り 贈れ 贈答 金券 gift",
  wait: "待ち時間 待ち 待た 待つ 混雑 混み 混ん 予約なし 予約しない 飛び込み walkin",
  combine: "併用 一緒に使 同時に使 重ね 組み合わせ 両方 2枚 複数 いっぺんに 一度に",
  // not 「まとめ」 alone: 「まとめて教えて」
  link: "連携 紐付 紐づけ ひもづけ 統合 にまとめ 合算 連動 移行 切り替え",
  reissue: "再発行 再発 作り直",
  // Topics customers raise that FAQs rarely answer: when the message has one and the entry does not,
  // the match is likely on incidental words (features.ts, conceptsMissingInEntry).
  transfer: "譲 譲渡 分け あげたい あげても",
  trouble:
    "つながらな 繋がらな 使えなか 使えませんでした エラー 表示されな 出てこな 読み取れな 反映されな 届かな 届いてな 届いていな 届いてません 届いていません 付いていな 付いてな 付いていません 付いてません 動かな 不具合",
  accident: "ぶつけ 事故 怪我 けが 壊れ 壊さ 汚れ 汚さ 濡れ",
  health: "病気 皮膚科 妊娠 治療 病院 体調 熱 症状 治り 影響",
  job: "求人 採用 働き 働け アルバイト バイト 募集 応募 面接",
  pet: "犬 猫 ペット",
  photo: "写真 動画 撮影 撮っ 撮り 撮れ",
  advice: "おすすめ オススメ 似合 提案 アドバイス",
  receipt: "領収書 レシート 明細",
  withdraw: "退会 解約 脱退",
  how: "方法 やり方 仕方 しかた どうすれば どうやって どうしたら 手順 使い方 how",
  member: "会員証 かいいんしょう 会員カード メンバーズカード ポイントカード 会員番号 membership",
  online: "オンラインショップ ネットショップ 通販 ネットで オンラインで online",
  shop: "店舗 お店 店内 shop store",
  contact: "電話 問い合わせ 問合せ 連絡 contact",
  allergy: "アレルギー かぶれ かゆ 肌が弱 敏感肌 allergy",
};

/**
 * Topics that need a person when the FAQ entry at hand does not cover them: a message that raises one
 * (「エラーが出て」「求人」「写真を撮っても」) is handed over instead of answered or offered choices.
 */
export const STAFF_TOPICS: ReadonlySet<string> = new Set(
  ["transfer", "trouble", "accident", "health", "job", "pet", "photo", "advice", "receipt", "withdraw"].map((c) => `c:${c}`),
);

export const CONCEPTS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(CONCEPT_FORMS).map(([concept, forms]) => [concept, forms.split(" ")]),
);

/** English words as customers mix them into Japanese, mapped to the katakana an FAQ would use. */
export const LOANWORDS: Readonly<Record<string, string>> = {
  cut: "カット",
  color: "カラー",
  colour: "カラー",
  perm: "パーマ",
  treatment: "トリートメント",
  menu: "メニュー",
  card: "カード",
  password: "パスワード",
  staff: "スタッフ",
};
