"""edunews: Thai education offices' news, from their web pages to a dimensional warehouse."""

__version__ = "0.1.0"
