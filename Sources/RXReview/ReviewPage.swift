/// The review page: one self-contained document (inline CSS and JS under a per-response nonce, no
/// external assets), written as `Page/review.html` and the files it includes. It holds no article
/// text: the script fetches flags from the API and inserts every piece of article text with
/// `textContent`, so markup in an article stays text. The results view (`Page/results.*`) shows
/// the article's text beside its race record as a table, the selected result's evidence
/// highlighted; keyboard first, like the flag view (`t` opens and closes it, `j`/`k` move, `a`
/// accepts, `c` corrects, `r` rejects, `n` adds the selected words as a result, `g` adds the
/// selected result's driver, unknown to the glossaries, to the house glossary, `u` undoes either
/// view's last answer, `[`/`]` change article).
enum ReviewPage {
    static func html(nonce: String) -> String { template.render(nonce: nonce) }

    private static let template = PageTemplate("review.html")
}
