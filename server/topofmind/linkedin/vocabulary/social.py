"""People and post words per interface language: degree markers, followers, mutual connections,
"N others", relative times (and their durations), reactions, comments, reposts, "reposted
this" and the "Current:" snippet of search cards; plus number forms and the page's language.

Every table maps a language code (``<html lang>``) to its forms, for the interface languages of
docs/parser.md ("Languages"). Lookups try every language, because a capture is often a fragment
without ``<html lang>`` and the words of two languages never mean different things here (a
unit test holds the time units to that). A word that is not in a table gives ``None`` — the
caller leaves the field null and adds a warning; nothing is guessed.

Sources: LinkedIn's pages in each language as saved by public projects (the Polish forms are
from the labelled pages in tests/fixtures/linkedin/), and LinkedIn's own translations of the
same phrases elsewhere in its interface.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from typing import NamedTuple

LANGUAGES = (
    "en", "es", "pt", "fr", "de", "it", "nl", "pl", "tr", "sv",
    "da", "no", "cs", "ro", "ru", "uk", "id", "ja", "ko", "zh",
)  # fmt: skip

# "mutual connection(s)" — stems, matched anywhere in a folded sentence.
MUTUAL: Mapping[str, Iterable[str]] = {
    "en": ("mutual connection",),
    "es": ("contactos en común", "contacto en común", "conexiones en común", "en común"),
    "pt": ("conexões em comum", "conexão em comum", "em comum"),
    "fr": ("relations en commun", "relation en commun", "en commun"),
    "de": ("gemeinsame kontakt", "gemeinsamer kontakt", "gemeinsamen kontakt"),
    "it": ("collegamenti in comune", "collegamento in comune", "in comune"),
    "nl": ("gemeenschappelijke connectie", "gedeelde connectie", "gemeenschappelijke relatie"),
    "pl": (
        "wspólny kontakt",
        "wspólne kontakty",
        "wspólnych kontaktów",
        "wspólnymi kontaktami",
        "wspólnym kontaktem",
    ),
    "tr": ("ortak bağlantı",),
    "sv": ("gemensam kontakt", "gemensamma kontakter", "gemensamma kontakt"),
    "da": ("fælles forbindelse", "fælles kontakt"),
    "no": ("felles forbindelse", "felles kontakt"),
    "cs": ("společné spojení", "společných spojení", "společný kontakt", "společné kontakty"),
    "ro": ("conexiuni comune", "conexiune comună", "conexiuni în comun", "conexiune în comun"),
    "ru": ("общий контакт", "общих контакт", "общие контакт"),
    "uk": ("спільний контакт", "спільних контакт", "спільні контакт"),
    "id": ("koneksi bersama",),
    "ja": ("共通のつながり",),
    "ko": ("함께 아는",),
    "zh": ("共同好友", "位共同联系人", "共同聯絡人", "共同联系人"),
}

# "and" between names in a sentence ("Anna, Bo and 3 others").
AND: Mapping[str, Iterable[str]] = {
    "en": ("and", "&"),
    "es": ("y", "e"),
    "pt": ("e",),
    "fr": ("et",),
    "de": ("und",),
    "it": ("e", "ed"),
    "nl": ("en",),
    "pl": ("i", "oraz"),
    "tr": ("ve",),
    "sv": ("och",),
    "da": ("og",),
    "no": ("og",),
    "cs": ("a",),
    "ro": ("și", "şi"),
    "ru": ("и",),
    "uk": ("і", "й", "та"),
    "id": ("dan",),
    "ja": ("と", "、"),
    "ko": ("및", "님과"),
    "zh": ("和", "与", "與"),
}

# The verb between names and the mutual words ("Ann is a mutual connection", "Paweł jest
# wspólnym kontaktem", "A i B są wspólnymi kontaktami").
MUTUAL_VERBS: Mapping[str, Iterable[str]] = {
    "en": ("is a", "are", "is"),
    "es": ("es un", "es una", "son", "es"),
    "pt": ("é uma", "é um", "são", "é"),
    "fr": ("est une", "est un", "sont", "est"),
    "de": ("ist ein", "ist eine", "sind", "ist"),
    "it": ("è un", "sono", "è"),
    "nl": ("is een", "zijn", "is"),
    "pl": ("jest", "są"),
    "tr": ("bir", "ile"),
    "sv": ("är en", "är"),
    "da": ("er en", "er"),
    "no": ("er en", "er"),
    "cs": ("je", "jsou"),
    "ro": ("este o", "este", "sunt"),
    "ru": ("—", "-", "это"),
    "uk": ("—", "-", "це"),
    "id": ("adalah",),
    "ja": ("さんは", "は"),
    "ko": ("님은", "은", "는"),
    "zh": ("是",),
}

# "followers" after (or, in a few languages, before) a count.
FOLLOWERS: Mapping[str, Iterable[str]] = {
    "en": ("followers", "follower"),
    "es": ("seguidores", "seguidor"),
    "pt": ("seguidores", "seguidor"),
    "fr": ("abonnés", "abonné", "abonnées"),
    "de": ("follower:innen", "followern", "follower"),
    "it": ("follower",),
    "nl": ("volgers", "volger"),
    "pl": ("obserwujących", "obserwujący", "obserwujacych"),
    "tr": ("takipçi",),
    "sv": ("följare",),
    "da": ("følgere", "følger"),
    "no": ("følgere", "følger"),
    "cs": ("sledujících", "sledující"),
    "ro": ("de urmăritori", "urmăritori"),
    "ru": ("отслеживающих", "подписчиков", "подписчика", "подписчик"),
    "uk": ("стежать", "підписників", "читачів"),
    "id": ("pengikut",),
    "ja": ("フォロワー",),
    "ko": ("팔로워",),
    "zh": ("位关注者", "关注者", "位追蹤者", "追蹤者"),
}

REACTIONS: Mapping[str, Iterable[str]] = {
    "en": ("reactions", "reaction"),
    "es": ("reacciones", "reacción"),
    "pt": ("reações", "reação"),
    "fr": ("réactions", "réaction"),
    "de": ("reaktionen", "reaktion"),
    "it": ("reazioni", "reazione"),
    "nl": ("reacties op bericht", "reacties", "reactie"),
    "pl": ("reakcji", "reakcje", "reakcja"),
    "tr": ("tepki",),
    "sv": ("reaktioner", "reaktion"),
    "da": ("reaktioner", "reaktion"),
    "no": ("reaksjoner", "reaksjon"),
    "cs": ("reakcí", "reakce"),
    "ro": ("de reacții", "reacții", "reacție"),
    "ru": ("реакций", "реакции", "реакция"),
    "uk": ("реакцій", "реакції", "реакція"),
    "id": ("reaksi",),
    "ja": ("件のリアクション", "リアクション"),
    "ko": ("개의 반응", "반응"),
    "zh": ("次回应", "回应", "則心情", "心情"),
}

COMMENTS: Mapping[str, Iterable[str]] = {
    "en": ("comments", "comment"),
    "es": ("comentarios", "comentario"),
    "pt": ("comentários", "comentário"),
    "fr": ("commentaires", "commentaire"),
    "de": ("kommentare", "kommentar"),
    "it": ("commenti", "commento"),
    "nl": ("opmerkingen", "opmerking", "reacties"),
    "pl": ("komentarzy", "komentarze", "komentarz"),
    "tr": ("yorum",),
    "sv": ("kommentarer", "kommentar"),
    "da": ("kommentarer", "kommentar"),
    "no": ("kommentarer", "kommentar"),
    "cs": ("komentářů", "komentáře", "komentář"),
    "ro": ("de comentarii", "comentarii", "comentariu"),
    "ru": ("комментариев", "комментария", "комментарий"),
    "uk": ("коментарів", "коментарі", "коментар"),
    "id": ("komentar",),
    "ja": ("件のコメント", "コメント"),
    "ko": ("개의 댓글", "댓글"),
    "zh": ("条评论", "評論", "评论", "則留言"),
}

REPOSTS: Mapping[str, Iterable[str]] = {
    "en": ("reposts", "repost"),
    "es": ("veces compartido", "compartidos", "reposts"),
    "pt": ("compartilhamentos", "compartilhamento", "reposts"),
    "fr": ("republications", "republication", "partages"),
    "de": ("reposts", "repost", "mal geteilt"),
    "it": ("diffusioni", "diffusione", "condivisioni"),
    "nl": ("reposts", "repost", "keer gedeeld"),
    "pl": ("udostępnień", "udostępnienia", "udostępnienie"),
    "tr": ("yeniden paylaşım", "paylaşım"),
    "sv": ("reposter", "delningar"),
    "da": ("reposts", "delinger"),
    "no": ("reposter", "delinger"),
    "cs": ("sdílení",),
    "ro": ("redistribuiri", "distribuiri"),
    "ru": ("репостов", "репоста", "репост"),
    "uk": ("репостів", "репости", "репост"),
    "id": ("posting ulang", "kiriman ulang"),
    "ja": ("件の再投稿", "再投稿"),
    "ko": ("회 퍼감", "퍼감"),
    "zh": ("次转发", "转发", "次轉發", "轉發"),
}

# The header line of a reshare ("Jane Doe reposted this").
REPOSTED_THIS: Mapping[str, Iterable[str]] = {
    "en": ("reposted this", "reposted"),
    "es": ("ha compartido esto", "ha republicado esto", "compartió esto"),
    "pt": ("compartilhou isso", "republicou isso"),
    "fr": ("a republié ceci", "a partagé ceci", "a republié"),
    "de": ("hat dies repostet", "hat das repostet", "hat dies geteilt"),
    "it": ("ha diffuso questo post", "ha diffuso", "ha condiviso questo"),
    "nl": ("heeft dit gerepost", "heeft dit gedeeld"),
    "pl": ("udostępnił(a) to", "udostępnił to", "udostępniła to", "udostępnił(a) ponownie"),
    "tr": ("bunu yeniden paylaştı", "bunu paylaştı"),
    "sv": ("har repostat detta", "delade detta"),
    "da": ("har repostet dette", "delte dette"),
    "no": ("har repostet dette", "delte dette"),
    "cs": ("toto sdílel(a)", "sdílel(a) toto", "znovu sdílel"),
    "ro": ("a redistribuit asta", "a distribuit asta"),
    "ru": ("сделал(а) репост", "поделился(-ась)"),
    "uk": ("зробив(-ла) репост", "поширив(-ла)"),
    "id": ("memposting ulang ini", "membagikan ini"),
    "ja": ("さんが再投稿しました", "再投稿しました"),
    "ko": ("님이 퍼감", "퍼감"),
    "zh": ("转发了", "轉發了"),
}

# The header line of a 2022–24 Ember profile Activity "mini update": "<name> posted this • 2w".
# What the member did, per language: "posted" (their own post), "reposted" (another member's
# post, whose author the card does not show) and "other" (a comment or a reaction on another
# member's post, which is not the member's post). The member's name comes first in every form;
# CJK forms follow the name without a space ("…さんが投稿しました"). English and the forms
# shared with REPOSTED_THIS are from saved pages; the others from LinkedIn's translations of
# the same feed headers. A header in none of them leaves the card out with a warning.
ACTIVITY_ACTIONS: Mapping[str, Mapping[str, Iterable[str]]] = {
    "en": {
        "posted": ("posted this",),
        "reposted": ("reposted this", "shared this"),
        "other": (
            "commented on this", "commented on a post", "replied to a comment", "likes this",
            "liked this", "celebrates this", "supports this", "loves this",
            "finds this insightful", "finds this funny", "is curious about this",
        ),
    },
    "es": {
        "posted": ("ha publicado esto", "publicó esto"),
        "reposted": ("ha compartido esto", "ha republicado esto", "compartió esto"),
        "other": (
            "ha comentado esto", "comentó esto", "recomienda esto", "le gusta esto",
            "celebra esto", "apoya esto", "le encanta esto",
        ),
    },
    "pt": {
        "posted": ("publicou isso", "publicou isto"),
        "reposted": ("compartilhou isso", "republicou isso", "partilhou isto"),
        "other": (
            "comentou isso", "comentou isto", "gostou disso", "gosta disso", "comemora isso",
            "apoia isso", "amou isso",
        ),
    },
    "fr": {
        "posted": ("a publié ceci", "a posté ceci"),
        "reposted": ("a republié ceci", "a partagé ceci"),
        "other": (
            "a commenté ceci", "aime ceci", "a aimé ceci", "salue ceci", "soutient ceci",
            "adore ceci", "trouve ceci instructif", "trouve ceci drôle",
        ),
    },
    "de": {
        "posted": ("hat das gepostet", "hat dies gepostet", "hat dies veröffentlicht"),
        "reposted": (
            "hat dies repostet", "hat das repostet", "hat dies geteilt", "hat das geteilt",
        ),
        "other": (
            "hat das kommentiert", "hat dies kommentiert", "gefällt das", "gefällt dies",
            "feiert das", "unterstützt das", "liebt das", "findet das aufschlussreich",
            "findet das lustig",
        ),
    },
    "it": {
        "posted": ("ha pubblicato questo post", "ha pubblicato questo"),
        "reposted": (
            "ha diffuso questo post", "ha diffuso questo", "ha condiviso questo post",
            "ha condiviso questo",
        ),
        "other": (
            "ha commentato questo post", "ha commentato questo", "consiglia questo post",
            "consiglia questo", "festeggia questo post", "sostiene questo post",
            "adora questo post",
        ),
    },
    "nl": {
        "posted": ("heeft dit geplaatst", "heeft dit gepost"),
        "reposted": ("heeft dit gerepost", "heeft dit gedeeld"),
        "other": (
            "heeft hierop gereageerd", "heeft dit becommentarieerd", "vindt dit leuk",
            "viert dit", "steunt dit",
        ),
    },
    "pl": {
        "posted": ("opublikował(a) to", "opublikował to", "opublikowała to"),
        "reposted": ("udostępnił(a) to", "udostępnił to", "udostępniła to"),
        "other": (
            "skomentował(a) to", "skomentował to", "skomentowała to", "lubi to",
            "świętuje to", "wspiera to", "uwielbia to",
        ),
    },
    "tr": {
        "posted": ("bunu yayınladı", "bunu gönderdi"),
        "reposted": ("bunu yeniden paylaştı", "bunu yeniden yayınladı", "bunu paylaştı"),
        "other": ("bunu yorumladı", "bunu beğendi", "bunu kutluyor", "bunu destekliyor"),
    },
    "sv": {
        "posted": ("publicerade detta", "har publicerat detta"),
        "reposted": ("har repostat detta", "delade detta", "har delat detta"),
        "other": (
            "kommenterade detta", "har kommenterat detta", "gillar detta", "firar detta",
            "stöttar detta",
        ),
    },
    "da": {
        "posted": ("slog dette op", "har slået dette op"),
        "reposted": ("har repostet dette", "delte dette", "har delt dette"),
        "other": (
            "kommenterede dette", "har kommenteret dette", "synes godt om dette",
            "kan lide dette", "fejrer dette", "støtter dette",
        ),
    },
    "no": {
        "posted": ("publiserte dette", "har publisert dette", "la ut dette"),
        "reposted": ("har repostet dette", "delte dette", "har delt dette"),
        "other": (
            "kommenterte dette", "har kommentert dette", "liker dette", "feirer dette",
            "støtter dette",
        ),
    },
    "cs": {
        "posted": ("toto zveřejnil(a)", "zveřejnil(a) toto"),
        "reposted": ("toto sdílel(a)", "sdílel(a) toto", "znovu sdílel(a)"),
        "other": (
            "toto okomentoval(a)", "okomentoval(a) toto", "se to líbí", "to oslavuje",
            "to podporuje",
        ),
    },
    "ro": {
        "posted": ("a postat asta", "a publicat asta"),
        "reposted": ("a redistribuit asta", "a distribuit asta"),
        "other": ("a comentat asta", "apreciază asta", "sărbătorește asta", "susține asta"),
    },
    "ru": {
        "posted": ("опубликовал(а) это", "опубликовал это", "опубликовала это"),
        "reposted": ("сделал(а) репост", "сделал(а) репост этого", "поделился(-ась)"),
        "other": (
            "прокомментировал(а) это", "нравится это", "отмечает это", "поддерживает это",
        ),
    },
    "uk": {
        "posted": ("опублікував(-ла) це", "опублікував це", "опублікувала це"),
        "reposted": ("зробив(-ла) репост", "поширив(-ла)", "поширив(-ла) це"),
        "other": ("прокоментував(-ла) це", "подобається це", "вподобав(-ла) це", "підтримує це"),
    },
    "id": {
        "posted": ("memposting ini", "memublikasikan ini"),
        "reposted": ("memposting ulang ini", "membagikan ini"),
        "other": ("mengomentari ini", "menyukai ini", "merayakan ini", "mendukung ini"),
    },
    "ja": {
        "posted": ("さんが投稿しました",),
        "reposted": ("さんが再投稿しました", "さんがシェアしました"),
        "other": ("さんがコメントしました", "さんが「いいね！」しました", "さんがいいねしました"),
    },
    "ko": {
        "posted": ("님이 게시함", "님이 게시했습니다"),
        "reposted": ("님이 퍼감", "님이 다시 게시함", "님이 공유함"),
        "other": ("님이 댓글을 남김", "님이 댓글 남김", "님이 좋아함", "님이 추천함"),
    },
    "zh": {
        "posted": ("发布了此动态", "发布了这条动态", "發佈了此動態"),
        "reposted": ("转发了此动态", "转发了", "轉發了此動態", "轉發了"),
        "other": ("评论了此动态", "評論了此動態", "赞了此动态", "讚了此動態", "点赞了"),
    },
}  # fmt: skip

# The "Current:" snippet of search cards (a position, not the headline).
CURRENT: Mapping[str, Iterable[str]] = {
    "en": ("current:",),
    "es": ("actual:",),
    "pt": ("atual:",),
    "fr": ("actuel:", "actuel :"),
    "de": ("aktuell:",),
    "it": ("attuale:",),
    "nl": ("huidig:",),
    "pl": ("aktualne:",),
    "tr": ("şu anda:", "güncel:"),
    "sv": ("nuvarande:",),
    "da": ("nuværende:",),
    "no": ("nåværende:",),
    "cs": ("současnost:", "aktuální:"),
    "ro": ("actual:",),
    "ru": ("текущая должность:", "сейчас:"),
    "uk": ("поточна посада:", "зараз:"),
    "id": ("saat ini:",),
    "ja": ("現在:", "現在："),
    "ko": ("현재:",),
    "zh": ("目前:", "目前："),
}

# Profile section headings (``<h2>``): the Activity section (followers, posts) and Experience.
# The clamp after a long post's first lines, when it is text rather than a button ("…see more").
SEE_MORE: Mapping[str, Iterable[str]] = {
    "en": ("see more", "more"), "es": ("ver más", "más"), "pt": ("ver mais", "mais"),
    "fr": ("voir plus", "plus"), "de": ("mehr anzeigen", "mehr"), "it": ("mostra altro", "altro"),
    "nl": ("meer weergeven", "meer"), "pl": ("zobacz więcej", "więcej"),
    "tr": ("devamını gör", "daha fazla"), "sv": ("visa mer", "mer"), "da": ("se mere", "mere"),
    "no": ("se mer", "mer"), "cs": ("zobrazit více", "více"), "ro": ("vezi mai mult", "mai mult"),
    "ru": ("показать больше", "ещё", "еще"), "uk": ("показати більше", "більше", "ще"),
    "id": ("lihat selengkapnya", "selengkapnya"), "ja": ("もっと見る", "さらに表示"),
    "ko": ("더보기", "더 보기"), "zh": ("查看更多", "展开", "更多"),
}  # fmt: skip
ACTIVITY_HEADINGS: Mapping[str, Iterable[str]] = {
    "en": ("activity",),
    "es": ("actividad",),
    "pt": ("atividade",),
    "fr": ("activité",),
    "de": ("aktivität", "aktivitäten"),
    "it": ("attività",),
    "nl": ("activiteit",),
    "pl": ("aktywność",),
    "tr": ("etkinlik", "aktivite"),
    "sv": ("aktivitet",),
    "da": ("aktivitet",),
    "no": ("aktivitet",),
    "cs": ("aktivita",),
    "ro": ("activitate",),
    "ru": ("действия", "активность"),
    "uk": ("активність", "дії"),
    "id": ("aktivitas",),
    "ja": ("アクティビティ",),
    "ko": ("활동",),
    "zh": ("动态", "動態"),
}
EXPERIENCE_HEADINGS: Mapping[str, Iterable[str]] = {
    "en": ("experience",),
    "es": ("experiencia",),
    "pt": ("experiência",),
    "fr": ("expérience",),
    "de": ("berufserfahrung", "erfahrung"),
    "it": ("esperienza",),
    "nl": ("ervaring", "werkervaring"),
    "pl": ("doświadczenie",),
    "tr": ("deneyim",),
    "sv": ("erfarenhet",),
    "da": ("erfaring",),
    "no": ("erfaring",),
    "cs": ("zkušenosti",),
    "ro": ("experiență", "experienţă"),
    "ru": ("опыт работы", "опыт"),
    "uk": ("досвід роботи", "досвід"),
    "id": ("pengalaman",),
    "ja": ("職歴",),
    "ko": ("경력",),
    "zh": ("工作经历", "工作經歷", "经历"),
}

# Degree-marker suffixes after the digit: "2nd", "2e", "2.", "2º", "2°", "2:a", "2-й", "2次",
# "2촌", "2度"; the long screen-reader forms name the degree ("Kontakt 2. stopnia").
DEGREE_SUFFIXES = (
    "st", "nd", "rd", "th", "er", "re", "ème", "e", "\\.", "º", "°", "ª", ":a", ":e", "-й",
    "-го", "次", "촌", "度", "º\\.",
)  # fmt: skip
DEGREE_WORDS: Mapping[str, Iterable[str]] = {
    "en": ("degree",),
    "es": ("grado",),
    "pt": ("grau",),
    "fr": ("niveau",),
    "de": ("grades", "grad"),
    "it": ("grado",),
    "nl": ("graad", "niveau"),
    "pl": ("stopnia",),
    "tr": ("derece",),
    "sv": ("graden", "grad"),
    "da": ("grads", "grad"),
    "no": ("grads", "grad"),
    "cs": ("stupně", "úrovně"),
    "ro": ("grad", "gradul"),
    "ru": ("уровня", "степени"),
    "uk": ("рівня", "ступеня"),
    "id": ("tingkat",),
    "ja": ("つながり",),
    "ko": ("촌",),
    "zh": (
        "度人脉",
        "度",
    ),
}

# Relative-time units → seconds ("3h", "2 tygodnie", "4 mies.", "hace 2 días", "2日前").
_MIN, _HOUR, _DAY, _WEEK, _MONTH, _YEAR = 60, 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400
TIME_UNITS: Mapping[str, Mapping[int, Iterable[str]]] = {
    "en": {
        _MIN: ("m", "min", "mins", "minute", "minutes"),
        _HOUR: ("h", "hr", "hrs", "hour", "hours"),
        _DAY: ("d", "day", "days"),
        _WEEK: ("w", "wk", "week", "weeks"),
        _MONTH: ("mo", "mos", "month", "months"),
        _YEAR: ("y", "yr", "yrs", "year", "years"),
    },
    "es": {
        _MIN: ("min", "minuto", "minutos"),
        _HOUR: ("h", "hora", "horas"),
        _DAY: ("d", "día", "días"),
        _WEEK: ("sem", "semana", "semanas"),
        _MONTH: ("mes", "meses"),
        _YEAR: ("a", "año", "años"),
    },
    "pt": {
        _MIN: ("min", "minuto", "minutos"),
        _HOUR: ("h", "hora", "horas"),
        _DAY: ("d", "dia", "dias"),
        _WEEK: ("sem", "semana", "semanas"),
        _MONTH: ("mês", "meses"),
        _YEAR: ("a", "ano", "anos"),
    },
    "fr": {
        _MIN: ("min", "minute", "minutes"),
        _HOUR: ("h", "heure", "heures"),
        _DAY: ("j", "jour", "jours"),
        _WEEK: ("sem", "semaine", "semaines"),
        _MONTH: ("mois",),
        _YEAR: ("a", "an", "ans", "année", "années"),
    },
    "de": {
        _MIN: ("min", "minute", "minuten"),
        _HOUR: ("std", "stunde", "stunden"),
        _DAY: ("t", "tag", "tage", "tagen"),
        _WEEK: ("w", "wo", "woche", "wochen"),
        _MONTH: ("mon", "monat", "monate", "monaten"),
        _YEAR: ("j", "jahr", "jahre", "jahren"),
    },
    "it": {
        _MIN: ("min", "minuto", "minuti"),
        _HOUR: ("h", "ora", "ore"),
        _DAY: ("g", "giorno", "giorni"),
        _WEEK: ("sett", "settimana", "settimane"),
        _MONTH: ("mese", "mesi"),
        _YEAR: ("anno", "anni"),
    },
    "nl": {
        _MIN: ("min", "minuut", "minuten"),
        _HOUR: ("u", "uur"),
        _DAY: ("d", "dag", "dagen"),
        _WEEK: ("w", "wk", "week", "weken"),
        _MONTH: ("mnd", "maand", "maanden"),
        _YEAR: ("j", "jr", "jaar"),
    },
    "pl": {
        _MIN: ("min", "minuta", "minuty", "minut"),
        _HOUR: ("godz", "godzina", "godziny", "godzin"),
        _DAY: ("d", "dzień", "dni"),
        _WEEK: ("tydz", "tydzień", "tygodnie", "tygodni"),
        _MONTH: ("mies", "miesiąc", "miesiące", "miesięcy"),
        _YEAR: ("r", "rok", "lata", "lat"),
    },
    "tr": {
        _MIN: ("dk", "dakika"),
        _HOUR: ("sa", "saat"),
        _DAY: ("g", "gün"),
        _WEEK: ("hf", "hafta"),
        _MONTH: ("ay",),
        _YEAR: ("yıl",),
    },
    "sv": {
        _MIN: ("min", "minut", "minuter"),
        _HOUR: ("tim", "timme", "timmar"),
        _DAY: ("d", "dag", "dagar"),
        _WEEK: ("v", "vecka", "veckor"),
        _MONTH: ("mån", "månad", "månader"),
        _YEAR: ("år",),
    },
    "da": {
        _MIN: ("min", "minut", "minutter"),
        _HOUR: ("t", "time", "timer"),
        _DAY: ("d", "dag", "dage"),
        _WEEK: ("u", "uge", "uger"),
        _MONTH: ("md", "måned", "måneder"),
        _YEAR: ("år",),
    },
    "no": {
        _MIN: ("min", "minutt", "minutter"),
        _HOUR: ("t", "time", "timer"),
        _DAY: ("d", "dag", "dager"),
        _WEEK: ("u", "uke", "uker"),
        _MONTH: ("md", "mnd", "måned", "måneder"),
        _YEAR: ("år",),
    },
    "cs": {
        _MIN: ("min", "minuta", "minuty", "minut"),
        _HOUR: ("h", "hod", "hodina", "hodiny", "hodin"),
        _DAY: ("d", "den", "dny", "dní"),
        _WEEK: ("t", "týd", "týden", "týdny", "týdnů"),
        _MONTH: ("měs", "měsíc", "měsíce", "měsíců"),
        _YEAR: ("r", "rok", "roky", "let"),
    },
    "ro": {
        _MIN: ("min", "minut", "minute"),
        _HOUR: ("h", "oră", "ore"),
        _DAY: ("z", "zi", "zile"),
        _WEEK: ("săpt", "săptămână", "săptămâni"),
        _MONTH: ("l", "lună", "luni"),
        _YEAR: ("an", "ani"),
    },
    "ru": {
        _MIN: ("мин", "минута", "минуты", "минут"),
        _HOUR: ("ч", "час", "часа", "часов"),
        _DAY: ("д", "дн", "день", "дня", "дней"),
        _WEEK: ("нед", "неделя", "недели", "недель"),
        _MONTH: ("мес", "месяц", "месяца", "месяцев"),
        _YEAR: ("г", "год", "года", "лет"),
    },
    "uk": {
        _MIN: ("хв", "хвилина", "хвилини", "хвилин"),
        _HOUR: ("год", "година", "години", "годин"),
        _DAY: ("д", "дн", "день", "дні", "днів"),
        _WEEK: ("тиж", "тиждень", "тижні", "тижнів"),
        _MONTH: ("міс", "місяць", "місяці", "місяців"),
        _YEAR: ("р", "рік", "роки", "років"),
    },
    "id": {
        _MIN: ("mnt", "menit"),
        _HOUR: ("jam",),
        _DAY: ("hari",),
        _WEEK: ("mgg", "minggu"),
        _MONTH: ("bln", "bulan"),
        _YEAR: ("thn", "tahun"),
    },
    "ja": {
        _MIN: ("分",),
        _HOUR: ("時間",),
        _DAY: ("日",),
        _WEEK: ("週間", "週"),
        _MONTH: ("か月", "ヶ月", "カ月"),
        _YEAR: ("年",),
    },
    "ko": {
        _MIN: ("분",),
        _HOUR: ("시간",),
        _DAY: ("일",),
        _WEEK: ("주",),
        _MONTH: ("개월", "달"),
        _YEAR: ("년",),
    },
    "zh": {
        _MIN: ("分钟", "分鐘"),
        _HOUR: ("小时", "小時"),
        _DAY: ("天",),
        _WEEK: ("周", "週"),
        _MONTH: ("个月", "個月"),
        _YEAR: ("年",),
    },
}
# Words around a relative time that are not its unit ("hace 2 días", "il y a 3 j", "2 days ago").
TIME_FILLERS = (
    "ago", "hace", "há", "il y a", "vor", "fa", "geleden", "temu", "önce", "sedan", "siden",
    "před", "acum", "назад", "тому", "yang lalu", "lalu", "前", "전",
)  # fmt: skip
JUST_NOW = (
    "now", "just now", "ahora", "agora", "maintenant", "jetzt", "ora", "nu", "teraz", "şimdi",
    "nyss", "lige nu", "akkurat nå", "nyní", "acum", "только что", "щойно", "baru saja",
    "たった今", "방금", "刚刚", "剛剛",
)  # fmt: skip

# Number forms: "1,234" / "1.234" / "1 234" (any space) are thousands; "1,2 K", "2K", "2 tys.",
# "1,5 mln", "1.2M", "3 万" are scaled.
SCALES: Mapping[str, int] = {
    "k": 1_000,
    "tys": 1_000,
    "tys.": 1_000,
    "тыс": 1_000,
    "тыс.": 1_000,
    "тис": 1_000,
    "тис.": 1_000,
    "b": 1_000,
    "bin": 1_000,
    "mil": 1_000,
    "mln": 1_000_000,
    "mln.": 1_000_000,
    "m": 1_000_000,
    "mio": 1_000_000,
    "mio.": 1_000_000,
    "mi": 1_000_000,
    "млн": 1_000_000,
    "млн.": 1_000_000,
    "rb": 1_000,
    "jt": 1_000_000,
    "천": 1_000,
    "만": 10_000,
    "万": 10_000,
    "萬": 10_000,
    "千": 1_000,
    "tn": 1_000,
    "tusen": 1_000,
    "tis": 1_000,
    "tis.": 1_000,
}


# A card's runs are folded by several tests (mutual words, "Current:", badges): the same short
# strings come back, and a cache lookup costs a tenth of the Unicode normalisation.
@functools.lru_cache(maxsize=4096)
def fold(text: str | None) -> str:
    """Lower case (dotless ı as i), NFC, whitespace folded, typographic apostrophes plain."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")
    # Turkish "I" lowers to "i", its "ı" is kept apart nowhere else: fold both to "i".
    return " ".join(text.lower().replace("ı", "i").split())


def _all(table: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    words = {fold(word) for forms in table.values() for word in forms}
    return tuple(sorted(words, key=len, reverse=True))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in words)


_MUTUAL_RE = re.compile(_alternation(_all(MUTUAL)))
_AND_WORDS = frozenset(_all(AND))
_CURRENT_WORDS = _all(CURRENT)
_REPOSTED_WORDS = _all(REPOSTED_THIS)
_NUMBER = r"\d[\d,.\u00a0\u202f ]*\d|\d"
_SCALE = _alternation(sorted(SCALES, key=len, reverse=True))
# A count with an optional scale: "1 234", "1,2 K", "2 tys.", "3万".
COUNT = re.compile(rf"(?P<n>{_NUMBER})\s*(?P<scale>(?:{_SCALE})(?![^\W\d_]))?", re.IGNORECASE)
_LETTER = r"[^\W\d_]"


def _counted(table: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """A count followed (or, CJK, preceded) by one of the table's words."""
    words = _alternation(_all(table))
    return re.compile(
        rf"(?:(?P<n>{_NUMBER})\s*(?P<scale>(?:{_SCALE})(?!{_LETTER}))?\+?\s*(?:{words})(?!{_LETTER}))"
        rf"|(?:(?:{words})\s*:?\s*(?P<n2>{_NUMBER})\s*(?P<scale2>(?:{_SCALE})(?!{_LETTER}))?)",
        re.IGNORECASE,
    )


_FOLLOWERS_RE = _counted(FOLLOWERS)
_REACTIONS_RE = _counted(REACTIONS)
_COMMENTS_RE = _counted(COMMENTS)
_REPOSTS_RE = _counted(REPOSTS)
_MUTUAL_COUNT_RE = _counted(MUTUAL)


def _time_index() -> tuple[dict[str, set[int]], re.Pattern[str]]:
    index: dict[str, set[int]] = {}
    for table in TIME_UNITS.values():
        for seconds, words in table.items():
            for word in words:
                index.setdefault(fold(word), set()).add(seconds)
    units = _alternation(sorted(index, key=len, reverse=True))
    fillers = _alternation(sorted((fold(f) for f in TIME_FILLERS), key=len, reverse=True))
    pattern = re.compile(
        rf"^(?:(?:{fillers})\s*)?(?P<n>\d{{1,3}})\s*(?P<unit>{units})\.?(?:\s*(?:{fillers}))?$"
    )
    return index, pattern


_UNIT_SECONDS, _RELATIVE = _time_index()


def _tenure_pattern() -> re.Pattern[str]:
    # Month and year units of every language; one-letter Latin ones ("a", "j", "r") would
    # match inside job titles ("Class 2 A"), so only longer ones (or CJK: "年") count.
    words = {
        fold(word)
        for units in TIME_UNITS.values()
        for seconds in (_MONTH, _YEAR)
        for word in units.get(seconds, ())
        if len(word) > 1 or not word.isascii()
    }
    units = _alternation(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.,])\d{{1,2}}\s*(?:{units})\.?(?![^\W\d_])", re.IGNORECASE)


_TENURE = _tenure_pattern()
_JUST_NOW = frozenset(fold(word) for word in JUST_NOW)


def parse_number(text: str | None) -> int | None:
    """The count a number form shows: "1,234", "1.234", "1 234" → 1234; "2K", "1,2 K" → 2000,
    1200; "2 tys." → 2000; "1,5 mln" → 1500000; "3万" → 30000. None when ``text`` is not one
    count alone."""
    if not text:
        return None
    text = fold(text).rstrip("+")
    match = COUNT.fullmatch(text.strip())
    if match is None:
        return None
    return _count_value(match.group("n"), match.group("scale"))


def _count_value(digits: str, scale: str | None) -> int | None:
    digits = re.sub(r"[\u00a0\u202f ]", "", digits)
    if scale:
        # With a scale, one separator is a decimal mark ("1,2 K", "1.5M").
        try:
            value = float(digits.replace(",", "."))
        except ValueError:
            return None
        return int(round(value * SCALES[fold(scale)]))
    # Without one, "," and "." group thousands in every language LinkedIn ships.
    cleaned = digits.replace(",", "").replace(".", "")
    return int(cleaned) if cleaned.isdigit() else None


def _counted_value(
    pattern: re.Pattern[str], text: str | None, at_start: bool = False
) -> int | None:
    folded = fold(text) if text else ""
    match = (pattern.match(folded) if at_start else pattern.search(folded)) if folded else None
    if match is None:
        return None
    if match.group("n") is not None:
        return _count_value(match.group("n"), match.group("scale"))
    return _count_value(match.group("n2"), match.group("scale2"))


def followers(text: str | None) -> int | None:
    """N from "153 obserwujących", "6K followers", "1,2 K abonnés"; None otherwise."""
    return _counted_value(_FOLLOWERS_RE, text)


def reactions(text: str | None) -> int | None:
    """N from a counter that starts with it: "12 reakcji", "3 reactions"; None otherwise."""
    return _counted_value(_REACTIONS_RE, text, at_start=True)


def comments(text: str | None) -> int | None:
    """N from "3 komentarze", "2 comments"; None otherwise."""
    return _counted_value(_COMMENTS_RE, text, at_start=True)


def reposts(text: str | None) -> int | None:
    """N from "4 udostępnienia", "1 repost"; None otherwise."""
    return _counted_value(_REPOSTS_RE, text, at_start=True)


@functools.lru_cache(maxsize=2048)  # a card's runs are asked about more than once
def is_mutual(text: str | None) -> bool:
    """Whether a sentence speaks of mutual connections, in any of the languages."""
    return bool(text) and _MUTUAL_RE.search(fold(text)) is not None


def mutual_number(text: str | None) -> int | None:
    """The count right before the mutual words ("12 mutual connections", "47 innych wspólnych
    kontaktów" → 47; at most two words between) or right after them (CJK order); else None."""
    folded = fold(text)
    match = _MUTUAL_RE.search(folded)
    if match is None:
        return None
    before = folded[: match.start()]
    numbers = list(COUNT.finditer(before))
    if numbers and len(before[numbers[-1].end() :].split()) <= 2:
        return _count_value(numbers[-1].group("n"), numbers[-1].group("scale"))
    number = COUNT.search(folded, match.end())
    if number and number.start() - match.end() <= 4:
        return _count_value(number.group("n"), number.group("scale"))
    return None


def is_and(word: str) -> bool:
    """Whether ``word`` is "and" (or "&") in one of the languages."""
    return fold(word) in _AND_WORDS


_NAME_SEPARATORS = re.compile(r"\s*[,、，]\s*")


def split_names(text: str) -> list[str]:
    """Names in "Anna, Bo i Cy" → ["Anna", "Bo", "Cy"] (commas and the word "and")."""
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(text):
        current: list[str] = []
        for word in part.split():
            if is_and(word):
                if current:
                    names.append(" ".join(current))
                current = []
            else:
                current.append(word)
        if current:
            names.append(" ".join(current))
    return [name for name in names if name]


_VERB_TAIL = re.compile(rf"\s+(?:{_alternation(_all(MUTUAL_VERBS))})$", re.IGNORECASE)


def names_before_mutual(segment: str) -> list[str]:
    """The names a count-less mutual sentence starts with: "Paweł jest wspólnym kontaktem" →
    ["Paweł"]; "A i B są wspólnymi kontaktami" → ["A", "B"]; [] when the words are not known."""
    folded = fold(segment)
    match = _MUTUAL_RE.search(folded)
    if match is None:
        return []
    before = " ".join(segment.split())[: match.start()].strip()
    stripped = _VERB_TAIL.sub("", before)
    return split_names(stripped) if stripped != before else []


_FOLLOWER_WORDS = frozenset(_all(FOLLOWERS))
ACTIVITY_WORDS = frozenset(_all(ACTIVITY_HEADINGS))
EXPERIENCE_WORDS = frozenset(_all(EXPERIENCE_HEADINGS))


def followers_run(text: str | None) -> int | None:
    """N when a whole text run is a follower count ("153 obserwujących", "6K followers")."""
    folded = fold(text)
    match = _FOLLOWERS_RE.fullmatch(folded) if folded else None
    return _counted_value(_FOLLOWERS_RE, folded) if match else None


def is_followers_word(text: str | None) -> bool:
    """Whether a run is the word "followers" alone (the count in the run beside it)."""
    return fold(text) in _FOLLOWER_WORDS


def is_current_snippet(text: str | None) -> bool:
    """Whether a card line is the "Current: …" position snippet ("Aktualne: …")."""
    return fold(text).startswith(_CURRENT_WORDS)


_SEE_MORE_RE = re.compile(
    r"\s*(?:…|\.\.\.)\s*(?:"
    + _alternation(sorted(_all(SEE_MORE), key=len, reverse=True))
    + r")\s*$|\s+see more$",
    re.IGNORECASE,
)


def strip_see_more(text: str) -> str:
    """``text`` without a trailing "…see more" ("…więcej", "… voir plus", "...more"): the
    clamp's words only after an ellipsis, so a post that ends in "more" keeps it."""
    if not text:
        return text
    # Only the end can hold the clamp: a regex over a whole long post would cost more.
    cut = max(0, len(text) - 40)
    match = _SEE_MORE_RE.search(text, cut)
    return text[: match.start()] if match else text


def is_reposted_this(text: str | None) -> bool:
    """Whether a post header says its actor reposted it ("… reposted this")."""
    return fold(text).endswith(_REPOSTED_WORDS)


class ActivityAction(NamedTuple):
    """What a profile Activity mini-update header says: ``kind`` is "posted", "reposted" or
    "other" (ACTIVITY_ACTIONS); ``name`` the member as shown; ``age`` the relative time after
    the first "•" as shown ("2w", "2 tyg."), None when the header has none."""

    kind: str
    name: str
    age: str | None


def _shown(text: str) -> str:
    """``text`` as ``fold`` sees it but with its case kept (a name is returned as shown)."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")
    return " ".join(text.split())


def _lower_in_place(text: str) -> str:
    """Lower case that keeps every character's position (a character whose lower case is two
    characters, such as "İ", is left as it is), with Turkish dotless ı read as i like ``fold``."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered.replace("ı", "i")


def _activity_index() -> tuple[dict[str, str], re.Pattern[str]]:
    kinds: dict[str, str] = {}
    for forms in ACTIVITY_ACTIONS.values():
        for kind, words in forms.items():
            for word in words:
                kinds[fold(word)] = kind
    phrases = _alternation(sorted(kinds, key=len, reverse=True))
    # The shortest name whose remainder is a whole phrase: "X reposted this" is never read as
    # "X re" + "posted this".
    pattern = re.compile(
        rf"^(?P<name>.+?)\s*(?P<phrase>{phrases})\s*(?:•\s*(?P<age>[^•]*?)\s*(?:•.*)?)?$"
    )
    return kinds, pattern


_ACTIVITY_KINDS, _ACTIVITY = _activity_index()


def activity_action(text: str | None) -> ActivityAction | None:
    """The action a mini-update header names ("Ana Ruiz posted this • 3mo" → posted, "Ana
    Ruiz", "3mo"; "Anna Nowak udostępnił(a) to • 2 tyg." → reposted); None when no form of
    ACTIVITY_ACTIONS ends its first part (the caller warns and reads nothing from the card)."""
    if not text:
        return None
    shown = _shown(text)
    match = _ACTIVITY.match(_lower_in_place(shown))
    if match is None:
        return None
    name = shown[: match.start("phrase")].strip()
    if not name:
        return None
    age = match.group("age")
    age_shown = shown[match.start("age") : match.end("age")] if age else None
    return ActivityAction(_ACTIVITY_KINDS[match.group("phrase")], name, age_shown or None)


def relative_duration(text: str | None, lang: str | None = None) -> timedelta | None:
    """How long ago a relative time says: "3h" → 3 hours, "2 tygodnie" → 14 days, "4 mies." →
    120 days, "hace 2 días" → 2 days, "now" → 0. None for a form not in the tables, and for a
    one-letter unit that means different spans in different languages ("3m": minutes in
    English, months in Portuguese) unless ``lang`` says which."""
    match = _relative_match(text)
    if match is None:
        return timedelta(0) if fold(text) in _JUST_NOW else None
    unit = match.group("unit")
    spans = _UNIT_SECONDS[unit]
    own = TIME_UNITS.get(lang or "", {})
    for seconds, words in own.items():
        if unit in (fold(word) for word in words):
            spans = {seconds}
            break
    if len(spans) != 1:
        return None
    return timedelta(seconds=int(match.group("n")) * next(iter(spans)))


def _relative_match(text: str | None) -> re.Match[str] | None:
    folded = fold(text)
    return _RELATIVE.match(folded) if folded else None


def is_tenure(text: str | None) -> bool:
    """True for a run that states how long a role lasted ("Full-time · 5 yrs 3 mos", "Pełny
    etat · 2 lata 3 mies.", "2 Jahre 1 Monat", "3年"): a number with a month or year unit."""
    return text is not None and _TENURE.search(text) is not None


def is_relative_time(text: str | None) -> bool:
    """Whether ``text`` is a relative time in one of the languages ("3h", "2 tygodnie", "now"),
    whatever span an ambiguous unit has."""
    return _relative_match(text) is not None or fold(text) in _JUST_NOW


_LANG_ATTR = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
# Content clues when <html lang> is missing: a few words only one language writes.
_LANGUAGE_CLUES: Mapping[str, Iterable[str]] = {
    "pl": ("wspólnych kontaktów", "obserwujących", "Połącz", "Wyświetl profil", "reakcji"),
    "en": ("mutual connection", "followers", "Connect", "View profile"),
    "es": ("en común", "seguidores", "Conectar"),
    "pt": ("em comum", "Conectar-se"),
    "fr": ("en commun", "abonnés", "Se connecter"),
    "de": ("gemeinsame Kontakte", "Vernetzen"),
    "it": ("in comune", "Collegati"),
    "nl": ("gemeenschappelijke", "Connectie maken"),
}


def page_language(raw: bytes, head_bytes: int = 4096) -> str | None:
    """The interface language of a page: ``<html lang>`` when present, else the language whose
    clue words appear most; None when nothing tells."""
    match = _LANG_ATTR.search(raw[:head_bytes])
    if match:
        code = match.group(1).decode("ascii").lower()
        return "no" if code in ("nb", "nn") else code
    best, best_hits = None, 0
    for lang, clues in _LANGUAGE_CLUES.items():
        hits = sum(raw.count(clue.encode("utf-8")) for clue in clues)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best


# Words the parser met where a vocabulary word belongs but found none: reported as warnings of
# the page being parsed (``parse_page`` collects them), never turned into a guessed value.
_UNKNOWN: ContextVar[list[str] | None] = ContextVar("unknown_words", default=None)
_MAX_UNKNOWN = 20


def note_unknown(concern: str, text: str) -> None:
    """Record that ``text`` stood where a ``concern`` word ("relative time") belongs but is in
    no table; the field it would have filled stays null."""
    found = _UNKNOWN.get()
    if found is not None and len(found) < _MAX_UNKNOWN:
        entry = f"{concern} {text[:40]!r}"
        if entry not in found:
            found.append(entry)


@contextmanager
def unknown_words() -> Iterator[list[str]]:
    """Collect the unknown words noted while the block runs (one page's parse)."""
    found: list[str] = []
    token = _UNKNOWN.set(found)
    try:
        yield found
    finally:
        _UNKNOWN.reset(token)
