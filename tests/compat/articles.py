"""Article texts shared by the compatibility tests (written for them, in Prizm's form)."""

from __future__ import annotations

#: The secret words of the internal note: none may reach any output.
NOTE_WORDS = ("ARTICLE FINAL", "Score intégrité", "Optimisé le")

#: Front matter as Prizm writes it: quoted ``pubDate``, ``category`` in the singular.
FRONT_MATTER = """\
---
title: "Les aides publiques à l'IA"
description: "Ce que les PME peuvent obtenir en 2025"
pubDate: "2025-11-07"
author: "Prizm AI"
category: "financement"
tags: ["IA", "PME"]
readingTime: "2 min"
---
"""

#: The body: an internal note, two citations and a numbered sources section.
BODY = """\
<!--
ARTICLE FINAL - OPTIMISÉ STYLE PRIZM
Score intégrité : 100.0%
Optimisé le : 2025-11-07T10:00:00.000Z
-->

# Les aides publiques à l'IA

Le plan France 2030 finance l'adoption de l'IA (Source : Bpifrance). Les régions
complètent le dispositif (Source : Région Sud).

## Sources et références

*Cet article a été rédigé à partir de sources vérifiées :*

1. **Bpifrance** - Article
   - Date : 12/09/2025
   - URL : https://www.bpifrance.fr/ia
   - Fiabilité : 9/10

2. **Région Sud** - Page
   - Date : septembre 2025
   - URL : https://www.maregionsud.fr/ia
   - Fiabilité : 6/10
"""

ARTICLE = FRONT_MATTER + "\n" + BODY
