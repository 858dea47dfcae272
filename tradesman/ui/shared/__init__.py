"""What every page uses: the way into the data (Operations), undo commands, questions asked
of the owner, forms, colours and words.
"""
