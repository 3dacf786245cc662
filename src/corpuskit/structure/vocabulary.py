"""The words junk is made of, once each, in English, German, French, Spanish, Italian, Dutch
and Portuguese.

One vocabulary per idea: each list below is the only place its words live, and the regexes
and cheap gates the scorer uses are built from it (``features``). Entries are what page
templates print (WordPress, Disqus, Blogger, news CMSs), not sentences of any data set.
Matching is case-insensitive; a pattern is a regex fragment, so ``\\s+`` and ``(?:…)`` work.
"""

from __future__ import annotations

import re

__all__ = [
    "ARTICLE_STAMPS",
    "ATTRIBUTION_VERBS",
    "BIO_SECTIONS",
    "BOILERPLATE_LINES",
    "BY_WORDS",
    "COMMENT_SECTIONS",
    "EUROPEAN_MONTHS",
    "EUROPEAN_MONTH_STEMS",
    "EUROPEAN_WEEKDAYS",
    "LEGAL_LINES",
    "LONG_NOTICE_WORDS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "NAME_PARTICLES",
    "PERSONAL_WORDS",
    "RELATED_SECTIONS",
    "REPLY_LINES",
    "SPAM_IN_URLS",
    "SPAM_WORDS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "alternation",
    "gate_literals",
    "required_literal",
]


def alternation(patterns: tuple[str, ...]) -> str:
    """One non-capturing group matching any of ``patterns`` (longest first)."""
    return "(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + ")"


#: Headings that open a comment section ("Comments (12)", "3 Kommentare", "Laisser un
#: commentaire"): everything below them is trailer.
COMMENT_SECTIONS: tuple[str, ...] = (
    # English
    r"comments?",
    r"responses?",
    r"replies",
    r"reactions",
    r"discussion",
    r"comment\s+section",
    r"(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+)?(?:reply|comment|response)",
    r"thoughts?\s+on\s+.+",
    r"join\s+the\s+(?:discussion|conversation)",
    r"reader\s+comments",
    # German
    r"kommentare?",
    r"leserkommentare",
    r"(?:kommentar|antwort)\s+(?:schreiben|verfassen|hinterlassen|abgeben)",
    r"schreibe\s+einen\s+kommentar",
    r"hinterlasse\s+einen\s+kommentar",
    r"diskussion",
    r"reaktionen",
    # French
    r"commentaires?",
    r"(?:laisser|ajouter|écrire|poster)\s+(?:un|votre)\s+commentaire",
    r"laisser\s+une\s+réponse",
    r"réagir",
    r"réactions",
    # Spanish
    r"comentarios?",
    r"(?:deja|dejar|escribe|escribir|añadir)\s+(?:un|tu)\s+comentario",
    r"(?:deja|dejar)\s+una\s+respuesta",
    r"respuestas",
    # Italian
    r"commenti",
    r"lascia\s+(?:un|il\s+tuo)\s+commento",
    r"lascia\s+una\s+risposta",
    r"risposte",
    # Dutch
    r"reacties?",
    r"(?:laat|plaats|geef)\s+een\s+reactie(?:\s+achter)?",
    r"reageer",
    # Portuguese
    r"comentários?",
    r"deixe\s+(?:um|seu)\s+comentário",
    r"deixe\s+uma\s+resposta",
    r"respostas",
)

#: Headings of a list of other articles ("Related posts", "Das könnte Sie auch interessieren").
RELATED_SECTIONS: tuple[str, ...] = (
    r"(?:related|recommended|similar|popular|recent|latest|more|trending|top)\s+(?:posts?|articles?"
    r"|stories|reading|content|news|comments|videos?|from\s+.+|in\s+.+)",
    r"you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested.*)",
    r"read\s+(?:more|also|next)",
    r"next\s+up(?:\s+in\s+.+)?",
    r"most\s+(?:read|popular|viewed|shared|commented)",
    r"trending(?:\s+now)?",
    r"more\s+on\s+this\s+(?:story|topic)",
    r"editor'?s\s+picks?",
    r"ähnliche\s+(?:artikel|beiträge|themen)",
    r"verwandte\s+(?:artikel|beiträge|themen)",
    r"das\s+könnte\s+(?:sie|dich)\s+auch\s+interessieren",
    r"mehr\s+zum\s+thema",
    r"auch\s+interessant",
    r"weitere\s+(?:artikel|beiträge|nachrichten|meldungen)",
    r"meistgelesen",
    r"lesen\s+sie\s+auch",
    r"articles?\s+(?:similaires|connexes|liés)",
    r"(?:à|a)\s+lire\s+aussi",
    r"lire\s+aussi",
    r"sur\s+le\s+même\s+sujet",
    r"vous\s+aimerez\s+aussi",
    r"les\s+plus\s+lus",
    r"(?:artículos|noticias|entradas)\s+relacionad[oa]s",
    r"(?:también\s+)?te\s+puede\s+interesar",
    r"lee\s+también",
    r"lo\s+más\s+leído",
    r"articoli\s+correlati",
    r"potrebbe\s+interessarti",
    r"leggi\s+anche",
    r"i\s+più\s+letti",
    r"gerelateerde\s+(?:artikelen|berichten)",
    r"lees\s+ook",
    r"meer\s+nieuws",
    r"meest\s+gelezen",
    r"(?:artigos|notícias|posts)\s+relacionad[oa]s",
    r"leia\s+também",
    r"você\s+também\s+pode\s+gostar",
    r"mais\s+lidas",
)

#: "About the author" headings: what follows is a bio.
BIO_SECTIONS: tuple[str, ...] = (
    r"about\s+the\s+authors?",
    r"über\s+(?:den|die)\s+autor(?:in)?",
    r"(?:à|a)\s+propos\s+de\s+l'auteur",
    r"sobre\s+el\s+autor",
    r"sull'autore",
    r"over\s+de\s+auteur",
    r"sobre\s+o\s+autor",
)

#: Lines that are page furniture on their own: sharing, printing, subscribing, legal
#: footers, navigation, advertising. Matched at the start of a short line.
BOILERPLATE_LINES: tuple[str, ...] = (
    # sharing and printing
    r"share\b",
    r"tweet\b",
    r"print\b",
    r"e-?mail\b",
    r"like\s+this",
    r"pin\s+it",
    r"whatsapp",
    r"facebook",
    r"twitter",
    r"linkedin",
    r"pinterest",
    r"reddit",
    r"sharing\s+is\s+caring",
    r"teilen",
    r"drucken",
    r"partager",
    r"imprimer",
    r"compartir",
    r"imprimir",
    r"condividi",
    r"stampa",
    r"delen",
    r"compartilhar",
    r"\d+\s+shares?",
    # subscribing and accounts
    r"subscribe",
    r"sign\s+(?:up|in)",
    r"log\s*(?:in|out)",
    r"register",
    r"newsletter",
    r"abonnieren",
    r"anmelden",
    r"registrieren",
    r"s'abonner",
    r"abonnez-vous",
    r"connexion",
    r"suscr[ií]bete",
    r"suscribirse",
    r"iniciar\s+sesión",
    r"iscriviti",
    r"accedi",
    r"abonneren",
    r"inloggen",
    r"assine",
    r"inscreva-se",
    r"entrar",
    # tags, categories, feeds
    r"tags?\s*:",
    r"filed\s+under",
    r"categor(?:y|ies)\s*:",
    r"posted\s+in\b",
    r"schlagwörter",
    r"schlagworte",
    r"étiquettes",
    r"etiquetas",
    r"rss\b",
    r"archives?\b",
    r"privacy",
    r"terms\b",
    r"cookies?\b",
    r"contact(?:\s+us)?$",
    r"kontakt$",
    r"about(?:\s+us)?$",
    r"advertise",
    r"sitemap",
    r"disclaimer",
    r"powered\s+by",
    r"designed\s+by",
    r"theme\s+by",
    # navigation
    r"skip\s+to",
    r"jump\s+to",
    r"zum\s+inhalt",
    r"aller\s+au\s+contenu",
    r"ir\s+al\s+contenido",
    r"back\s+to\s+top",
    r"nach\s+oben",
    r"retour\s+en\s+haut",
    r"menu\b",
    r"main\s+menu",
    r"search\b",
    r"suche\b",
    r"rechercher",
    r"buscar",
    r"cerca\b",
    r"zoeken",
    r"home$",
    r"startseite",
    r"accueil",
    r"inicio$",
    r"(?:previous|next|older|newer)\s+(?:post|article|story|entry|posts|entries)",
    r"vorheriger\s+artikel",
    r"nächster\s+artikel",
    r"article\s+(?:précédent|suivant)",
    r"click\s+here",
    r"continue\s+reading",
    r"weiterlesen",
    r"lire\s+la\s+suite",
    r"leer\s+más",
    r"leggi\s+tutto",
    r"lees\s+meer",
    r"leia\s+mais",
    r"loading",
    r"permalink",
    # advertising and credits
    r"advertisement",
    r"sponsored",
    r"anzeige",
    r"werbung",
    r"publicité",
    r"publicidad",
    r"pubblicità",
    r"advertentie",
    r"publicidade",
    r"source\s*:",
    r"via\s*:",
    r"image\s+(?:copyright|source|caption)",
    r"photo\s*:",
    r"foto\s*:",
    r"(?:\(?reporting|editing|additional\s+reporting)\s+by\b",
    r"follow\s+(?:us|him|her|me)",
    r"folgen\s+sie\s+uns",
    r"suivez-nous",
    r"síguenos",
    r"seguici",
)

#: Legal and cookie lines: junk even when long (a 130-character copyright line, a cookie
#: banner) and wherever they say it, not only at the start.
LEGAL_LINES: tuple[str, ...] = (
    r"copyright",
    r"©",
    r"all\s+rights?\s+reserved",
    r"privacy\s+(?:policy|statement|notice)",
    r"terms\s+(?:of\s+(?:use|service)|and\s+conditions)",
    r"use\s+cookies",
    r"uses\s+cookies",
    r"use\s+of\s+cookies",
    r"cookie\s+(?:policy|settings|preferences)",
    r"impressum",
    r"datenschutz",
    r"alle\s+rechte\s+vorbehalten",
    r"mentions\s+légales",
    r"tous\s+droits\s+réservés",
    r"aviso\s+legal",
    r"política\s+de\s+(?:privacidad|cookies)",
    r"todos\s+los\s+derechos\s+reservados",
    r"tutti\s+i\s+diritti\s+riservati",
    r"alle\s+rechten\s+voorbehouden",
    r"todos\s+os\s+direitos\s+reservados",
    r"utilizamos\s+cookies",
    r"nous\s+utilisons\s+des\s+cookies",
    r"wir\s+verwenden\s+cookies",
    r"diese\s+(?:web)?seite\s+verwendet\s+cookies",
    r"utilizziamo\s+(?:i\s+)?cookie",
    r"wij\s+gebruiken\s+cookies",
)

#: The words every long legal notice seen in page text holds (cookie banners, copyright
#: lines): a cheap gate before LEGAL_LINES on blocks that otherwise read as prose.
LONG_NOTICE_WORDS: tuple[str, ...] = (
    "cookie",
    "©",
    "copyright",
    "rights reserved",
    "rechte vorbehalten",
    "droits réservés",
)

#: A comment's action line, alone on its line ("Reply", "Antworten", "12 likes").
REPLY_LINES: tuple[str, ...] = (
    r"reply",
    r"report",
    r"permalink",
    r"like",
    r"\d+\s+likes?",
    r"log\s+in\s+to\s+reply",
    r"reply\s+to\s+this\s+comment",
    r"flag",
    r"quote",
    r"\d+\s+(?:points?|recs?|votes?)",
    r"antworten",
    r"melden",
    r"zitieren",
    r"gefällt\s+mir",
    r"répondre",
    r"signaler",
    r"j'aime",
    r"responder",
    r"denunciar",
    r"me\s+gusta",
    r"rispondi",
    r"segnala",
    r"mi\s+piace",
    r"beantwoorden",
    r"reageren",
    r"melden",
    r"vind\s+ik\s+leuk",
    r"curtir",
    r"responder",
)

#: An article's own time stamp ("Updated: 19 November 2019, 09:01 AM"): a date and time
#: that is not a comment head.
ARTICLE_STAMPS: tuple[str, ...] = (
    r"published",
    r"first\s+published",
    r"updated",
    r"last\s+(?:updated|modified)",
    r"modified",
    r"veröffentlicht",
    r"aktualisiert",
    r"stand\s*:",
    r"publié",
    r"mis\s+à\s+jour",
    r"publicado",
    r"actualizado",
    r"pubblicato",
    r"aggiornato",
    r"gepubliceerd",
    r"bijgewerkt",
    r"atualizado",
)

#: Verbs of a comment head "NAME says:" ("Yvonne sagt:", "Jean a dit :", "Ana dice:").
ATTRIBUTION_VERBS: tuple[str, ...] = (
    r"says",
    r"said",
    r"wrote",
    r"writes",
    r"commented",
    r"replied",
    r"asks",
    r"sagt",
    r"schreibt",
    r"schrieb",
    r"meint",
    r"antwortete",
    r"kommentierte",
    r"dit",
    r"a\s+dit",
    r"écrit",
    r"a\s+écrit",
    r"répond",
    r"a\s+répondu",
    r"dice",
    r"dijo",
    r"escribe",
    r"escribió",
    r"comentó",
    r"respondió",
    r"scrive",
    r"ha\s+scritto",
    r"dice",
    r"ha\s+detto",
    r"commenta",
    r"zegt",
    r"schreef",
    r"schrijft",
    r"reageerde",
    r"diz",
    r"disse",
    r"escreveu",
    r"comentou",
    r"respondeu",
)

#: "by" before a commenter's name ("by ravenswood1000 (543817)", "von Yvonne", "par Jean").
BY_WORDS: tuple[str, ...] = (
    r"by",
    r"posted\s+by",
    r"written\s+by",
    r"submitted\s+by",
    r"comment\s+by",
    r"von",
    r"par",
    r"por",
    r"di",
    r"door",
)

#: Lower-case words inside a personal name ("Ludwig van Beethoven", "María de la Cruz").
NAME_PARTICLES: tuple[str, ...] = (
    r"van",
    r"von",
    r"der",
    r"den",
    r"de",
    r"del",
    r"della",
    r"di",
    r"da",
    r"dos",
    r"du",
    r"la",
    r"le",
    r"ten",
    r"ter",
    r"y",
    r"e",
    r"bin",
    r"al",
)

#: First- and second-person words (lower case, as split into words), in the seven
#: languages: readers' comments talk to each other ("I think you…"), articles mostly report
#: on a third party. Words with another meaning in one of the languages are left out ("Sie"
#: is also "they", "du" French "of the", "ihr" "her", "ma" Italian "but", "mes" Spanish "month").
PERSONAL_WORDS: tuple[str, ...] = (
    # English
    "i",
    "i'm",
    "i’m",
    "i've",
    "i’ve",
    "i'd",
    "i’d",
    "i'll",
    "i’ll",
    "me",
    "my",
    "mine",
    "myself",
    "you",
    "you're",
    "you’re",
    "you've",
    "you’ve",
    "you'd",
    "you’d",
    "you'll",
    "you’ll",
    "your",
    "yours",
    "yourself",
    # German
    "ich",
    "mich",
    "mir",
    "mein",
    "meine",
    "meinen",
    "meinem",
    "meiner",
    "dich",
    "dir",
    "dein",
    "deine",
    "deinen",
    "euch",
    "eure",
    # French
    "je",
    "j'",
    "moi",
    "mon",
    "tu",
    "toi",
    "ton",
    "ta",
    "tes",
    "vous",
    "votre",
    "vos",
    # Spanish
    "yo",
    "te",
    "mi",
    "mis",
    "tú",
    "tus",
    "usted",
    "ustedes",
    "conmigo",
    "contigo",
    # Italian
    "io",
    "ti",
    "mio",
    "mia",
    "miei",
    "mie",
    "tuo",
    "tua",
    "tuoi",
    "voi",
    # Dutch
    "ik",
    "mij",
    "mijn",
    "jij",
    "jou",
    "jouw",
    "jullie",
    # Portuguese
    "eu",
    "meu",
    "minha",
    "meus",
    "minhas",
    "você",
    "vocês",
    "teu",
    "tua",
)

#: Spam vocabulary: each word or phrase once. Those in SPAM_IN_URLS are also found inside
#: a URL or a longer word ("viagrapascherfr.com"); the rest only as whole words.
SPAM_IN_URLS: tuple[str, ...] = (
    "viagra",
    "cialis",
    "levitra",
    "sildenafil",
    "tadalafil",
    "kamagra",
    "casino",
    "porn",
    "hentai",
    "payday",
)
SPAM_WORDS: tuple[str, ...] = (
    r"pharmacy",
    r"pharmacie",
    r"poker",
    r"xxx",
    r"escorts?",
    r"replica",
    r"rolex",
    r"backlinks?",
    r"seo",
    r"pills?",
    r"weight\s+loss",
    r"diet\s+pills",
    r"essay\s+writing",
    r"buy\s+\w+\s+online",
    r"work\s+from\s+home",
    r"make\s+money",
    r"free\s+(?:download|trial)",
    r"cheap\s+\w+",
    r"discount\s+\w+",
    r"loans?",
)


#: English month names, January first, written once for the stage: the date reader's
#: month numbers (``dates``), the month words of comment-head dates (``features``) and
#: words a personal name never is (``header``).
MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: How dates abbreviate them: the first three letters, and "sept".
MONTH_ABBREVIATIONS: tuple[str, ...] = (*(m[:3] for m in MONTHS), "sept")
#: Month stems of the other major European languages in comment-head dates ("19. März
#: 2016", "3 janv. 2018", "12 dic 2017"), where they differ from the English three letters.
EUROPEAN_MONTH_STEMS: tuple[str, ...] = (
    "mär", "mai", "okt", "dez", "janv", "févr", "avr", "juil", "sept", "déc", "ene", "abr",
    "ago", "dic", "gen", "mag", "giu", "lug", "set", "ott", "mrt", "mei", "fev", "out",
)  # fmt: skip
#: English weekday names, Monday first (dates write them, names never are them).
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: How dates abbreviate them ("Tue, 24 Jul 2012").
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = (*(d[:3] for d in WEEKDAYS), "tues", "thur", "thurs")
#: Month names of the other major European languages, written out, where they differ from
#: the English ones and their stems above: a date line under a commenter's name reads them
#: as whole words ("15 de junio de 2021", "12 mars 2019"; a stem alone would take "Martin").
EUROPEAN_MONTHS: tuple[str, ...] = (
    "januar", "jänner", "februar", "märz", "juni", "juli", "oktober", "dezember",
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "gennaio",
    "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    "januari", "februari", "maart", "augustus", "janeiro", "fevereiro", "março", "maio",
    "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
)  # fmt: skip
#: Weekday names of the other major European languages ("Dienstag, 19.04.2016").
EUROPEAN_WEEKDAYS: tuple[str, ...] = (
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "segunda", "terça", "quarta", "quinta", "sexta", "feira",
)  # fmt: skip


def first_words(patterns: tuple[str, ...]) -> frozenset[str]:
    """The literal first word of each pattern (lower case): a cheap gate before the regex.

    Every pattern of a list gated this way starts with a literal word (tests check it),
    so a line the regex matches always holds one of these words."""
    out = set()
    for p in patterns:
        m = re.match(r"[\w'©éèêàäöüßçñíóúãõâ-]+", p)
        if m:
            out.add(m.group(0))
    return frozenset(out)


def required_literal(pattern: str) -> str:
    """The longest run of literal characters that every match of ``pattern`` holds, or ''.

    Read off the pattern's top level only: groups, classes, escapes and anchors end a run,
    a character under ``?``, ``*`` or ``{}`` is dropped (it may be absent), and a top-level
    ``|`` means nothing is sure. Enough for this module's patterns, and conservative: a
    shorter run than possible is still held by every match (tests check it by generating
    matches)."""
    runs: list[str] = []
    run = ""
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":  # an escape (a class such as \s, or an escaped character): ends a run
            runs.append(run)
            run, i = "", i + 2
            continue
        if c == "[":  # a character class: skip it whole
            j = i + 2 if pattern[i + 1 : i + 2] in ("]", "^") else i + 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            runs.append(run)
            run, i = "", j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0 and c == "|":
            return ""
        elif depth == 0 and c in "?*{":
            run = run[:-1]  # the character before is optional
            if c == "{":
                i = pattern.index("}", i)
        elif depth == 0 and c not in "+.^$":
            run += c
            i += 1
            continue
        runs.append(run)
        run = ""
        i += 1
    runs.append(run)
    return max(runs, key=len)


def gate_literals(patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    """Literal strings one of which every match of any of ``patterns`` holds (each
    pattern's ``required_literal``, less those holding a shorter one), or None when some
    pattern has none: a substring test per literal on a line is a gate before the regex
    that cannot turn a match away."""
    found = {required_literal(p) for p in patterns}
    if "" in found:
        return None
    return tuple(sorted(x for x in found if not any(y != x and y in x for y in found)))
