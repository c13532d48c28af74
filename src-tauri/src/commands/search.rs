use lodestar::views::search::SearchHit;

command! {
    /// Hits of every kind for a query: title matches first, at most 50.
    fn search(query: String) -> Vec<SearchHit> = |_, session| session.with(|ws| ws.search(&query));
}
