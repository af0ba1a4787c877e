"""English: the one tokenizer, sentence splitter and word lists every stage shares."""
