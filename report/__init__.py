"""Reports people read: one self-contained HTML file of every edition, with the same content as Markdown, JSON and CSV.

    pair.render_report(diff, old, new, fmt=, lang=)   one pair of editions (`editiondiff diff`, `run`)
    build.editions_to_report(editions, settings=)    every edition and every consecutive pair -> Report (the JSON)
    write.write_report(report, editions, out_dir, lang=, excel=)   report.html, report.md, report.json, CSV tables

The report's data holds no sentence of ours; French (the default) and English
are renderings (`words.py`). The order of changes follows published,
versioned significance rules (`significance.py`).
"""
