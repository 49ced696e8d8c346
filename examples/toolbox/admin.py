from django.contrib import admin

from .models import SaveSubscriber, ServiceSubscriber, SignalSubscriber

# --8<-- [start:register]
admin.site.register([SignalSubscriber, SaveSubscriber, ServiceSubscriber])
# --8<-- [end:register]
