/** The page an unknown or deleted link shows: customers arrive here from a chat, so Japanese first. */
export const LINK_NOT_FOUND_HTML = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>リンクが見つかりません / Link not found</title>
<style>
body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; margin: 0; padding: 48px 24px; color: #222; text-align: center; }
h1 { font-size: 1.25rem; margin-bottom: 0.5rem; }
p { color: #555; line-height: 1.6; }
.en { font-size: 0.875rem; color: #777; }
</style>
</head>
<body>
<h1>リンクが見つかりません</h1>
<p>このリンクは無効か、削除された可能性があります。<br>お手数ですが、トークのメッセージから最新のリンクをお試しください。</p>
<p class="en">This link is invalid or no longer available. Please try the latest link in the chat.</p>
</body>
</html>
`;
