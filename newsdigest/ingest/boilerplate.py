"""The shapes of page furniture in a scrape: ads, widgets, teasers, labels, credits, trailing blocks.

Rules are data: full-line patterns, word sets and label prefixes. config.yaml may add patterns.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .text import STOPS

# A line that matches one of these in full is page furniture and is dropped.
NOISE = [re.compile(p, re.I) for p in (
    r"(?:story\s+continues\s+(?:below|after)\s+(?:this\s+)?)?advertisements?\b.{0,60}",
    # an ad's placeholder: 'This advertisement has not loaded yet, but your article continues below.', 'Article
    # continues after this ad', and the ad's label in the other languages a digest gathers
    r".{0,60}\b(?:article|story)\s+continues\s+(?:below|after|under)\b.{0,60}|(?:weiterlesen|fortsetzung)\s+nach\s+der\s+anzeige|"
    r"anzeige|publicité|publicidad|pubblicità|advertentie|reklama|reklam|mainos|hirdetés|διαφήμιση|oglas|annons|"
    r"annonse|реклама",
    r"(?:ad|ads|sponsored(?:\s+content)?|promoted|paid\s+content|partner\s+content)",
    r"(?:scroll|continue)\s+(?:down\s+)?to\s+(?:continue|read)\b.{0,40}",
    r"(?:also\s+read|read\s+(?:more|also|next)|see\s+also|also\s+see|must\s+read|don[’']?t\s+miss|recommended|"
    r"related(?:\s+(?:news|stories|articles?|coverage|video))?|watch(?:\s+video)?|listen|explained|opinion|"
    r"trending|latest|top\s+stories|in\s+pictures|more|"
    # the same teaser in the other languages a digest gathers (de, fr, es, pt, it, nl, sv, da/no, pl, ru)
    r"lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|auch\s+interessant|(?:à\s+)?lire\s+aussi|voir\s+aussi|"
    r"lea\s+también|lee\s+también|leer\s+más|ver\s+también|te\s+puede\s+interesar|leia\s+(?:também|mais)|"
    r"veja\s+(?:também|mais)|saiba\s+mais|leggi\s+anche|potrebbe\s+interessarti|lees\s+(?:ook|meer)|zie\s+ook|"
    r"läs\s+(?:också|mer)|læs\s+(?:også|mere)|les\s+(?:også|mer)|czytaj\s+(?:też|także|więcej)|zobacz\s+(?:też|także)|"
    r"читайте\s+также|смотрите\s+также|по\s+теме)\s*[:|\-–—»›]\s*.+",
    r"(?:follow|find|like)\s+(?:us|\w+)\s+on\b.{0,80}",
    r".{0,40}\b(?:subscribe|sign\s+up|signup|register)\b.{0,60}\b(?:newsletter|updates|alerts|inbox|free|today|now)\b.{0,40}",
    r"(?:subscribe|sign\s+up)(?:\s+(?:now|today|here))?[.!]?",
    # a paywall's label over the headline: 'Article réservé aux abonnés', 'Nur für Abonnenten', 'Subscriber only',
    # after the story's kind too ('Récit Article réservé aux abonnés')
    r"(?:[^\W\d_]{3,20}\s+)?(?:(?:article\s+)?réservé\s+aux\s+abonnés|nur\s+für\s+abonnent(?:en|innen)|"
    r"abonnenten-artikel|(?:plus|premium)-artikel|(?:for\s+)?subscribers?[- ]only|"
    r"(?:exclusive\s+)?for\s+subscribers(?:\s+only)?|"
    r"exclusivo\s+para\s+(?:suscriptores|assinantes)|"
    r"(?:articolo\s+)?riservato\s+agli\s+abbonati|alleen\s+voor\s+abonnees)",
    r"(?:zur(?:ück)?\s+(?:zur\s+)?startseite|back\s+to\s+(?:top|home(?:page)?)|retour\s+à\s+l['’]accueil|volver\s+al\s+inicio|"
    r"voltar\s+ao\s+início|torna\s+alla\s+home)",
    r"(?:jump|skip|springe|aller|ir|salta|vai)\s+(?:to\s+(?:the\s+)?|zum\s+|à\s+la\s+|au\s+|a\s+la\s+|al\s+|alla\s+)?"
    r"(?:recipe|rezept|recette|receta|receita|ricetta)",
    r"(?:get|download|install)\s+(?:the|our)\b.{0,40}\bapp\b.{0,40}",
    r"(?:join|follow)\s+(?:our|the)\b.{0,40}\b(?:channel|community|group)\b.{0,40}",
    r"click\s+here\b.{0,80}",
    r"(?:key\s+(?:events|moments|points|updates)|live\s+updates?|(?:das\s+)?wichtigste\s+in\s+kürze|les\s+temps\s+forts)",
    r"(?:_{3,}|-{3,}|\*{3,}|={3,}|~{3,}|•{3,}|\.{3,}|—{2,}|(?:\*\s*){3,})",
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-|\s)?min(?:ute)?s?\s+(?:read|listen)",
    r"(?:estimated\s+)?reading\s+time\s*:?.{0,20}",
    r"listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?(?:\s*[|·•(]?\s*\d+\s*min(?:ute)?s?\)?)?",
    r"(?:skip|jump)\s+to\s+(?:main\s+)?(?:content|navigation|comments).{0,20}",
    r"(?:enlarge\s+this\s+image|toggle\s+caption|hide\s+caption|show\s+caption|expand|collapse|close|loading\.*)",
    r"\d+\s+comments?|comments?\s*\(\d+\)|view\s+comments|join\s+the\s+(?:conversation|discussion)",
    r"(?:©|\(c\)|copyright)\s.{0,120}|all\s+rights\s+reserved\.?",
    r"our\s+standards\s*:.{0,120}",
    r"\(?(?:this|the)\s+(?:story|article|report)\s+(?:has\s+(?:not\s+)?been|was)\s+.{0,80}(?:edited|generated|syndicated|published\s+from)\b.{0,80}\)?",
    r"\(?(?:this|the)\s+(?:story|article)\s+(?:was\s+)?(?:auto-?generated|published)\s+from\s+(?:a\s+)?(?:syndicated|wire)\s+feed.{0,40}\)?",
    r"edited\s+by\s*:?.{0,60}",
    r"(?:home|menu|search|sign\s+in|log\s+in|e-?paper|live\s+tv|video|photos?|image|graphic|gallery)",
    r"(?:updated|published|posted)\s*:?",
    r"(?:first\s+published|originally\s+published)\s*:?\s*",
    r"(?:advertisement\s*[-–—|]\s*)?scroll\s+to\s+continue\s+with\s+content",
    r"(?:share|save|gift)\s+(?:this\s+)?(?:article|story|page)\b.{0,40}",
    r"[\d.,]+\s*[km]?\s+(?:shares?|comments?|views?|reads?)",
    # what a screen reader is told about a list widget, copied with the text: 'list of 3 items', 'end of list'
    r"(?:list\s+of|lista\s+de|liste\s+(?:de|mit)|elenco\s+di|список\s+из)\s+\d+\s+(?:items?|itens|elementos?|éléments?|"
    r"elementi|elementen|einträgen|элемент\w*)|\d+\s*(?:개\s*)?(?:항목|項目)(?:\s*(?:목록|の?リスト))?|"
    r"(?:end\s+of(?:\s+the)?\s+list|fim\s+da\s+lista|fin\s+de\s+(?:la\s+)?list[ae]|fine\s+dell['’]elenco|"
    r"ende\s+der\s+liste|конец\s+списка|목록\s*끝|リストの終わり)",
)]

NOISE_LONGEST = 300
"""Furniture lines are short: a longer line is never checked against NOISE."""

# Words that share, save and social widgets are made of; a line of only these is a widget.
WIDGET_WORDS = {
    "share", "save", "saved", "print", "email", "e-mail", "mail", "comment", "comments", "copy", "link", "copied",
    "facebook", "twitter", "x", "whatsapp", "linkedin", "reddit", "telegram", "pinterest", "threads", "bluesky",
    "flipboard", "messenger", "sms", "bookmark", "follow", "gift", "listen", "more", "font", "size", "a+", "a-",
    "buffer", "pin", "pocket", "mix", "tumblr", "vk", "shares",
    "aa", "text", "tweet", "|", "·", "•", "/",
}

# Trailing blocks: a header line, then short lines. Topic lists become tags; story lists are dropped.
TOPIC_HEADER = re.compile(r"^(?:related\s+topics|topics|tags|tagged|labels|keywords|more\s+about|filed\s+under|"
                          r"explore\s+more\s+on\s+these\s+topics|"
                          r"schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter|themen|mots[- ]cl[ée]s|[ée]tiquettes|etiquetas|temas|"
                          r"palavras[- ]chave|argomenti|trefwoorden|onderwerpen|nyckelord|ämnen|emner|tagi|tematy|теги|темы|"
                          r"etiketter|tagit|aiheet|štítky|témata|címkék|etichete|ετικέτες|etiketler|oznake|tagovi|teme)"
                          r"\s*:?\s*(?P<inline>.*)$", re.I)
"""A list of the article's topics: 'Tags:', Blogger's 'Labels:', 'Schlagwörter', 'Mots-clés :', 'Etiquetas:',
'Etiketter', 'Štítky', 'Címkék', 'Ετικέτες', 'Oznake' (a label alone, or with the list)."""


def topics_listed(line: str) -> list[str] | None:
    """The topics a topics line lists after its label ('Tags: a, b; c | d'), each stripped; [] after a label alone
    ('Tags', over the list); None for any other line, a sentence that opens with a label's word too ('Topics such as
    … filled the evening.', 'Themen wie … standen im Mittelpunkt.'): a list ends in no stop."""
    m = TOPIC_HEADER.match(line)
    if not m or m["inline"] and line.rstrip("\"'”’»)]").endswith(tuple(STOPS)):
        return None
    return [t.strip() for t in re.split(r"\s*[,;|•·]\s*", m["inline"]) if t.strip()]


HASHTAGS = re.compile(r"^#[\w-]+(?:[\s,]+#[\w-]+)+$")
"""A line of hashtags: '#devops #tooling #macos'."""
READ_ALSO_WORDS = (r"also\s+read|read\s+also|lesen\s+sie\s+auch|(?:à\s+)?lire\s+(?:aussi|également)|le[ae]\s+también|"
                   r"leggi\s+anche|leia\s+também|veja\s+também|lees\s+ook|czytaj\s+(?:też|także)|zobacz\s+(?:też|także)|"
                   r"читайте\s+также|läs\s+(?:också|även)|les\s+også|læs\s+også|lue\s+myös|(?:pře)?čtěte\s+(?:si\s+)?také|"
                   r"(?:pre)?čítajte\s+(?:si\s+)?aj|ezt\s+is\s+olvassa?\s+el|citește\s+și|citeste\s+si|διαβάστε\s+επίσης|"
                   r"ayrıca\s+okuyun|pročitajte\s+(?:i|još|također)|preberite\s+(?:še|tudi)")
"""'Read also' in the languages a digest gathers (en, de, fr, es, it, pt, nl, pl, ru, sv, no, da, fi, cs, sk, hu, ro, el,
tr, hr, sr, bs, sl): over a link to another story set inside this one."""
STORY_LIST_HEADER = re.compile(
    r"^(?:more\s+on\s+(?:this|the)\s+story|related(?:\s+(?:stories|articles|news|coverage|content|reading))?|"
    rf"you\s+may\s+also\s+like|you\s+might\s+also\s+like|{READ_ALSO_WORDS}|read\s+more|read\s+next|"
    r"more\s+from\s+.{1,30}|most\s+(?:read|popular|viewed)|top\s+stories|trending(?:\s+now)?|"
    r"recommended(?:\s+(?:for\s+you|stories|articles|reading|videos|news))?|latest\s+(?:news|stories)|more\s+stories|further\s+reading|"
    r"what\s+to\s+read\s+next|editor[’']?s\s+picks?|read\s+th(?:is|ese)\s+next|up\s+next|more\s+(?:stories\s+)?like\s+this|"
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)(?:\s+to\s+read)?|related\s+posts|other\s+stories|"
    # the same in the other languages a digest gathers (de, fr, es, it, pt, nl, pl, ru)
    r"mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|auch\s+interessant|"
    r"(?:ähnliche|verwandte|weitere)\s+(?:artikel|beiträge|nachrichten)"
    r"(?:\s+(?:aus|zu|zum|zur|von|in|im)\s+.{1,30})?|"
    r"meistgelesen|meist\s+gelesen|"
    r"sur\s+le\s+même\s+sujet|vous\s+aimerez\s+aussi|articles?\s+similaires|"
    r"les\s+plus\s+lus|dans\s+la\s+même\s+rubrique|(?:también\s+)?te\s+puede\s+interesar|"
    r"noticias\s+relacionadas|artículos\s+relacionados|lo\s+más\s+leído|(?:ti\s+)?potrebbe\s+interessarti|"
    r"(?:articoli|notizie)\s+correlat[ie]|i\s+più\s+letti|(?:notícias|artigos)\s+relacionad[oa]s|"
    r"mais\s+lid[oa]s|meer\s+nieuws|gerelateerde\s+artikelen|meest\s+gelezen|"
    r"najczęściej\s+czytane|podobne\s+artykuły|похожие\s+(?:новости|статьи)|"
    r"самое\s+читаемое|"
    # sv, no, da, fi, cs, sk, hu, ro, el, tr, hr/sr/bs, sl
    r"relaterat|relaterade(?:\s+artiklar)?|relaterte|relaterede|mest\s+lästa?|relaterte\s+saker|mest\s+lest|relaterede\s+artikler|mest\s+læste|"
    r"aiheeseen\s+liittyvät|luetuimmat|související\s+články|nejčtenější|súvisiace\s+články|najčítanejšie|"
    r"kapcsolódó\s+cikkek|legolvasottabb(?:ak)?|articole\s+(?:similare|asemănătoare)|cele\s+mai\s+citite|"
    r"σχετικά\s+άρθρα|δημοφιλείς\s+αναρτήσεις|τα\s+πιο\s+δημοφιλή|ilgili\s+haberler|benzer\s+haberler|"
    r"en\s+çok\s+okunanlar|povezane\s+(?:vijesti|novice|vesti)|vezane\s+vijesti|srodn[ie]\s+(?:članci|novice)|"
    r"sorodne\s+novice|najčitanije|najbolj\s+brano)\s*[:.…]*$", re.I)
"""A list of other stories begins (or, READ_ALSO, a link to one): the article has ended, unless the label is a 'Read
also' or the story goes on under the list (article._resumes)."""
READ_MORE = re.compile(r"^[\[(]?\s*(?:weiter\s*lesen|mehr\s+lesen|(?:read|view)\s+more|read\s+the\s+rest|"
                       r"continue\s+reading|keep\s+reading|(?:read\s+the\s+)?full\s+story|"
                       r"lire\s+la\s+suite|en\s+savoir\s+plus|leer\s+m[aá]s|seguir\s+leyendo|leia\s+mais|"
                       r"leggi\s+(?:tutto|di\s+più)|continua\s+a\s+leggere|lees\s+(?:meer|verder)|"
                       r"czytaj\s+(?:więcej|dalej)|läs\s+mer|les\s+mer|læs\s+mere|mehr)\s*[\])]?\s*[.»›→…>]*$", re.I)
"""A teaser's link alone on its line under its paragraph: 'weiter lesen', 'Read more »', 'Lire la suite', '[mehr]'."""
PAYWALL = re.compile(r"(?:(?:jetzt\s+)?weiterlesen\s+mit\s+.{1,30}|bereits\s+abonnent(?:in)?\?.{0,40}|"
                     r"(?:subscribe|sign\s+up|log\s+in)\s+to\s+(?:continue|keep)\s+reading.{0,40}|"
                     r"already\s+a\s+subscriber\?.{0,40}|continue\s+reading\s+with\s+.{1,40}|"
                     r"d[ée]j[àa]\s+abonn[ée]e?\s*\?.{0,40}|¿?ya\s+eres\s+suscriptor\?.{0,40})$", re.I)
"""A paywall's offer where the free part of a story ends ('Jetzt weiterlesen mit OK+', 'Already a subscriber? Sign
in'): what follows is the offer and the site's boxes, not the story."""
LIST_NUMBER = re.compile(r"^\d{1,2}(?:[.)]\s*|\s+|(?=[^\W\d_]))\S")
"""The number an item of a ranked list of stories opens with: '1. March Madness bracket', '2 Egg prices', '3Populära …'."""
READ_ALSO = re.compile(rf"^(?:{READ_ALSO_WORDS})\s*[:.…]*$", re.I)
"""'Read also', 'Leggi anche' alone on its line: the link under it is set inside the story, not listed under its end."""

# Where readers' comments begin: prose after it is theirs, not the article's.
COMMENTS_START = re.compile(
    r"^(?:(?:[1-9]\d*\s+)?(?:comments?|responses?|replies|reader\s+comments|discussion)|leave\s+a\s+(?:comment|reply)|"
    r"post\s+a\s+comment|add\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|view\s+the\s+discussion\s+thread|"
    r"comments\s+are\s+closed|(?:\d+\s+)?(?:comentários|comentarios|commenti|kommentare|commentaires|комментарии|댓글|"
    r"コメント|评论|komentarze|komentáře|komentáre|kommentarer|kommentit|reacties|yorumlar|σχόλια|komentari|komentarji|"
    r"hozzászólások|kommentek|comentarii)|no\s+comments|δεν\s+υπάρχουν\s+σχόλια)\s*(?:\(\d+\))?\s*[:.]?$"
    r"|(?:^|[|•·]\s*)[1-9]\d*\s+comments?\s*$", re.I)

COMMENTS_ON = re.compile(
    r"^(?:\d+|one|ein(?:e|en)?|une?|una?|um|een)\s+(?:thoughts?|comments?|responses?|repl(?:y|ies)|gedanken?|kommentare?|"
    r"antworten?|reaktionen?|réflexions?|commentaires?|comentarios?|comentários?|pensamientos?|respuestas?|commenti|"
    r"commento|pensieri|gedachten?|reacties?)\s+(?:on|to|zu|auf|sur|en|sobre|a|su|over|op|em)\s+[“\"„«‘'‹‚].{1,250}$", re.I)
"""A comments header that names the post it answers, as WordPress themes print it in their languages: '59 Comments on
“Title”', 'One thought on “Title”', '2 Gedanken zu „Titel“', '3 réflexions sur « Titre »': alone, it begins them."""

# A reader's comment begins: 'Jane on May 3, 2019 at 4:47 pm said:', 'Jane says:', 'Reply', '• 2 years ago', or a
# name or handle and the day and time it was posted: 'gość 08.08.2025 15:41', 'kierowca_z_Pragi 8/8/2025, 16:20'.
COMMENT_MARK = re.compile(r"(?:\b(?:said|says|wrote|writes|replied)\s*:|^(?:reply|responder|rispondi|antworten|répondre|"
                          r"ответить|답글|返信)|[•·]\s*\d+\s+\w+\s+ago|"
                          r"^[\w.@-]{2,30}(?:\s[\w.-]{1,30}){0,2}\s+[0-3]?\d[./-][01]?\d[./-](?:19|20)?\d\d,?\s+[0-2]?\d:[0-5]\d)\s*$",
                          re.I)
COMMENT_MARKS_NEEDED = 2
"""How many comment marks must follow a comments header for the article to end there."""

CONSENT = re.compile(r"(?=.*\b(?:cookies?|ciasteczk\w*|evästeitä|cookie-\w+)\b)(?=.*\b(?:consent\w*|einwillig\w*|zustimm\w*|"
                     r"consenso|toestemming|zgod\w*|akzeptier\w*|accept\w*|accett\w*|acept\w*|akkoord|datenschutz\w*|privacy|"
                     r"confidentialité|privacidad\w*|tracking|analytics|analy[sz]\w*|statisti\w*|personali[sz]\w*|partners?|"
                     r"partenaires|partnern?|website|webseite|site\s+web|sitio\s+web|sito\s+web|browser|navigateur|navegador|"
                     r"(?:use|uses|using|utilisons|utilise|verwenden|nutzen|utilizamos|usamos|utilizziamo|gebruiken|używamy)"
                     r"\s+(?:\w+\s+)?cookies?)\b)", re.I)
"""A consent banner's text: a cookie word and who uses them or asks for consent, in the languages a digest gathers
('Avec nos partenaires, nous utilisons des cookies …', 'This website uses cookies …', 'Wir verwenden Cookies …')."""

# Wire footers: kept as a closing credit line, or dropped (see NOISE for 'Our Standards').
CREDIT_LINE = re.compile(
    r"^\(?(?:(?:additional\s+)?reporting\s+by|writing\s+by|compiled\s+by|with\s+inputs?\s+from|"
    r"\(?(?:the\s+)?(?:associated\s+press|ap|reuters|afp)\s+(?:writers?|reporters?|correspondents?)\b).{0,200}"
    r"|^.{2,120}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story)\b.{0,60}$", re.I)

# Caption labels: the label is dropped, the caption kept.
# 'Photo: …' is a caption when it reads as a sentence, a credit when it is a name or two ('Photo: PTI').
PHOTO_WORD = (r"(?:photo(?:graph)?s?|pic(?:ture)?s?|images?|fotos?|fotograf(?:ie|ía|ia)|bild(?:er)?|imagen(?:es)?|imagem|"
              r"immagin[ei]|beeld|kuva|zdjęcie|фото)")
"""A photo's label in the languages a digest gathers: 'Photo', 'Foto', 'Bild', 'Imagen', 'Immagine', 'Beeld', 'Фото'."""
CAPTION_LABEL = re.compile(r"^(?:image\s+caption|caption|photo\s+caption|picture\s+caption|in\s+the\s+photo|pictured|"
                           r"bildunterschrift|légende|pie\s+de\s+foto|didascalia|"
                           rf"{PHOTO_WORD}(?=\s*:\s*(?:\S+\s+){{4}}))\s*[,:]\s*(?P<text>.+)$", re.I)
CREDIT_LABEL = re.compile(r"^(?:image\s+source|photo\s+credit|image\s+credit|picture\s+credit|crédits?\s+photos?|bildrechte|fot\.|"
                          rf"bildquelle|{PHOTO_WORD}(?:\s*(?:credit|crédito|credito|quelle))?|credits?|crédits?|source|quelle)"
                          r"\s*[,:]\s*(?P<credit>.{2,80})$", re.I)

# Credits at the end of a caption line.
_AGENCY = (r"(?:REUTERS|Reuters|AP|AFP|EPA(?:-EFE)?|Getty\s+Images|Bloomberg|PTI|ANI|IANS|Xinhua|TASS|"
           r"PA(?:\s+(?:Media|Wire))?|Shutterstock|iStock(?:photo)?|Alamy|Pool|Handout|KCNA|Yonhap|dpa|ANP|Kyodo|NurPhoto|Sipa|Anadolu|"
           r"SOPA\s+Images|Bloomberg\s+via\s+Getty\s+Images|File|Courtesy[\w\s]{0,30}|Wikimedia\s+Commons|"
           r"EFE|ANSA|APA|Keystone|Belga|Lusa|Europa\s+Press|IMAGO|imago|picture\s+alliance|epd|KNA)")
TRAILING_CREDIT = [re.compile(p) for p in (
    # (AP Photo/Jane Doe), (Photo: PTI), [Getty Images]
    r"\s*[(\[](?P<credit>(?:(?:AP|AFP|Reuters|EPA|Getty)\s+)?(?:Photo|Photograph|Image|Picture|Pic|File\s+photo|Foto|Bild|Imagen|Imagem)\b[^()\[\]]{0,60}|"
    + _AGENCY + r"[^()\[\]]{0,40})[)\]]$",
    # '... 2025. KCNA via REUTERS', '... Photo by Jane Doe/AFP', '... REUTERS/Jane Doe'
    r"(?<=[.!?”\"’)])\s+(?P<credit>(?:(?:Photo|Photograph|Picture|Image|File\s+photo|Foto|Bild|Imagen|Imagem)\s*(?:by|von|por|:|credit:?)\s*)?"
    r"[^.!?]{0,60}?(?:\bvia\s+" + _AGENCY + r"|/\s*" + _AGENCY + r"\b[^.!?]{0,30}|\b" + _AGENCY + r"\s*/[^.!?]{2,40}|^\s*"
    + _AGENCY + r"))\s*$",
    r"(?<=[.!?”\"’)])\s+(?P<credit>(?:Photo|Photograph|Picture|Image|Credit|Foto|Bild|Imagen|Imagem|Immagine|Фото)\s*(?:by|von|por|:|credit:?)\s*[^.!?]{2,60})\.?$",
    r"(?<=[.!?”\"’)])\s+(?P<credit>" + _AGENCY + r")\.?$",
    # '... since 2022. Courier-Ledger photo by Dan Ochoa', '... w godzinach szczytu. Fot. PAP/Jan Nowak'
    r"(?<=[.!?”\"’)])\s+(?P<credit>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}\s+(?:photo|foto)\s+(?:by|von|de|por|di)\s+[^.!?]{2,40})$",
    r"(?<=[.!?”\"’)])\s+(?P<credit>Fot\.\s*[^.!?]{2,60})$",
    # '... since 5 March. (Jane Doe/Riverton Daily)': a photographer and an outlet in brackets after the sentence
    r"(?<=[.!?”\"’])\s*\((?P<credit>[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s[A-ZÀ-ÖØ-Þ][\w.'’-]*){0,3}\s?/\s?[A-ZÀ-ÖØ-Þ][^()/]{1,40})\)$",
    # '... wetlands. Wildlife Trust/PA': a name, a slash, an agency or photographer
    r"(?<=[.!?”\"’)])\s+(?P<credit>[A-Z][\w.&'’ -]{1,40}/\s?[A-Z][\w.&'’ -]{1,30})$",
    r"\s*[|–—-]\s*(?P<credit>(?:Photo|Image)\s*(?:credit)?\s*:?\s*[^|]{2,60})$",
)]
CREDIT_HINT = re.compile(r"[/(\[|]|\b(?:photo|photograph|picture|image|credit|via|foto|fot|bild|imagen|imagem|immagine|фото)\b", re.I)
AGENCY_AT_END = re.compile(_AGENCY + r"\W*$", re.I)
"""Something a trailing credit cannot do without: a slash, a bracket, a bar, a photo word, or an agency at the
end (looked for in the last 60 characters only: searching a whole line for it is slow)."""
CREDIT_PREFIX = re.compile(r"^(?:photo(?:graph)?|image|picture|pic)?\s*(?:credit)?\s*:\s*", re.I)
LONE_CREDIT = re.compile(r"^(?:(?:©\s*)?" + _AGENCY + r"(?:\s*/\s*[\w .'-]{2,40})?|bildrechte\s*:\s*.{2,60}|" + PHOTO_WORD + r"\s*(?:by|von|par|por|di|door|:)\s*.{2,60}"
                         r"|\((?:" + PHOTO_WORD + r"\s*:\s*)?[A-ZÀ-ÖØ-Þ][^()/]{1,40}/[^()/]{2,40}\))$", re.I)
"""A credit alone on its line: 'Reuters', 'AP/Jane Doe', 'Photo by Jane Doe', 'Foto: dpa', '(Jane Doe/Lakeside Courier)'."""
NAMED_CREDIT = re.compile(r"^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}\s*[,|/]\s*(?:" + _AGENCY + r"|Associated\s+Press)(?:\s+file)?$")
"""A photographer and an agency: 'Jane Doe, Associated Press', 'Jane Doe | Getty Images' (a credit, not a byline)."""


WORDS = json.loads((Path(__file__).parent / "data" / "words.json").read_text(encoding="utf-8"))
"""The reader's word lists (data/words.json), read once."""
FURNITURE = frozenset(WORDS["furniture"])
"""Words menus and widgets are made of, in the calendar's languages (data/words.json)."""
STOP = frozenset(WORDS["stop"])
"""Common words of many languages: a line of them is prose, a name holds none."""
FURNITURE_ONLY = 5
"""A line of at most this many words, every one a furniture word, is a widget's title ('Track Latest News Live')."""


def is_noise(line: str, extra: tuple[re.Pattern, ...] = ()) -> bool:
    """True when the whole line is page furniture."""
    return _is_noise(line, tuple(extra))


@lru_cache(maxsize=16384)
def _is_noise(line: str, extra: tuple[re.Pattern, ...]) -> bool:
    if any(p.fullmatch(line) for p in extra):
        return True
    if len(line) > NOISE_LONGEST:
        return False
    if any(p.fullmatch(line) for p in NOISE):
        return True
    words = line.lower().replace(",", " ").split()
    return bool(words) and (all(w in WIDGET_WORDS for w in words)
                            or (len(words) <= FURNITURE_ONLY and all(w.strip(".:!|") in FURNITURE for w in words)))


def is_caption_or_credit(line: str) -> bool:
    """A photo's caption or credit line: labelled ('Photo: …', 'Image caption …'), or ending in its credit."""
    return bool(CAPTION_LABEL.match(line) or CREDIT_LABEL.match(line) or split_credit(line))


@lru_cache(maxsize=4096)
def split_credit(line: str) -> tuple[str, str] | None:
    """Split 'caption. CREDIT' into (caption, credit) when the line ends with a photo credit (a line is asked
    several times: as a headline candidate, in the header, in the body)."""
    offset = max(0, len(line) - 130)   # a credit is short and at the end: search the tail only
    tail = line[offset:]
    if not (CREDIT_HINT.search(tail) or AGENCY_AT_END.search(tail[-60:])):
        return None
    for pattern in TRAILING_CREDIT:
        m = pattern.search(tail)
        if m and offset + m.start() > 0:
            caption = line[:offset + m.start()].rstrip(" |–—-")
            if len(caption.split()) >= 3:
                return caption, CREDIT_PREFIX.sub("", m["credit"].strip(" ()[]"))
    return None
