"""The layout family: the mid-2020 edition typeset by several producers and layouts, and its score.

    python -m evaluation.layouts build [--out DIR] [NAME...]   rebuild the PDFs (producers installed)
    python -m evaluation.layouts score [--dir DIR]             one row per layout: % of fields equal to the text path

styles.py        the layouts (`FAMILY`), each a `Style`
content.py       Edition -> what every layout prints, with each part's role
html.py          Chromium producer (HTML and CSS)
wordprocessor.py LibreOffice producer (python-docx document)
build.py         one PDF per style, metadata marked re-typeset
agreement.py     field agreement of two Editions
"""
