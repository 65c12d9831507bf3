"""The French vocabulary every stage reads: text normalisation, status words, icons, the
deadline grammar, action and mission codes, and the owner bodies."""
