"""A small Django REST framework API over the inventory and shop models.

Used by docs/tools/drf.md: serializers, viewsets and a router, as a project
would write them. The URLs are not in handbook/urls.py; the page's snippets
and tests use them with override_settings(ROOT_URLCONF="integrations.api").
"""

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.urls import include, path
from rest_framework import routers, serializers, viewsets
from rest_framework.authentication import BasicAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from inventory.models import Category, Product, Tag
from shop.models import Order


# --8<-- [start:product_serializer]
class ProductSerializer(serializers.ModelSerializer):
    # Tags by name, so that requests and responses are readable.
    tags = serializers.SlugRelatedField(
        slug_field="name", many=True, queryset=Tag.objects.all(), required=False
    )

    class Meta:
        model = Product
        fields = ["sku", "name", "price", "category", "tags"]


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    lookup_field = "sku"


# --8<-- [end:product_serializer]


# --8<-- [start:atomic_viewset]
class AtomicProductViewSet(ProductViewSet):
    """The same API, with each write in one transaction."""

    @transaction.atomic
    def perform_create(self, serializer):
        serializer.save()

    @transaction.atomic
    def perform_update(self, serializer):
        serializer.save()


# --8<-- [end:atomic_viewset]


# --8<-- [start:tag_after_save]
class NewArrivalSerializer(ProductSerializer):
    """Tags every new product "new", after the client's tags are set."""

    def create(self, validated_data):
        product = super().create(validated_data)  # saves, then sets the tags
        new, _ = Tag.objects.get_or_create(name="new")
        product.tags.add(new)
        return product


# --8<-- [end:tag_after_save]


# --8<-- [start:nested]
class NestedProductSerializer(serializers.ModelSerializer):
    tags = serializers.SlugRelatedField(
        slug_field="name", many=True, queryset=Tag.objects.all(), required=False
    )

    class Meta:
        model = Product
        fields = ["sku", "name", "tags"]


class CategoryWithProductsSerializer(serializers.ModelSerializer):
    """A writable nested serializer: DRF leaves create() to you."""

    products = NestedProductSerializer(many=True)

    class Meta:
        model = Category
        fields = ["name", "products"]

    def create(self, validated_data):
        products = validated_data.pop("products")
        category = Category.objects.create(**validated_data)
        for data in products:
            tags = data.pop("tags", [])
            product = Product.objects.create(category=category, **data)
            product.tags.set(tags)
        return category


# --8<-- [end:nested]


# --8<-- [start:perform_create]
class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["number", "customer", "status"]
        read_only_fields = ["customer"]


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    permission_classes = [IsAuthenticated]

    def perform_create(self, serializer):
        # The view has the request: pass what depends on it to save().
        serializer.save(customer=self.request.user)


# --8<-- [end:perform_create]


# --8<-- [start:login_view]
class LoginView(APIView):
    """Checks the credentials once, as a token endpoint does, and says so."""

    authentication_classes = [BasicAuthentication]
    permission_classes = [IsAuthenticated]

    def post(self, request):
        user = request.user
        # What django.contrib.auth.login() would send. Django's own receiver,
        # update_last_login, sets user.last_login.
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        return Response({"username": user.get_username()})


# --8<-- [end:login_view]


# --8<-- [start:whoami]
class WhoAmIView(APIView):
    """Any endpoint of the API: the user is identified on every request."""

    authentication_classes = [BasicAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"username": request.user.get_username()})


# --8<-- [end:whoami]


# --8<-- [start:router]
router = routers.SimpleRouter()
router.register("products", ProductViewSet)
router.register("atomic-products", AtomicProductViewSet, basename="atomic-product")
router.register("orders", OrderViewSet)

urlpatterns = [
    path("api/", include(router.urls)),
    path("api/login/", LoginView.as_view()),
    path("api/whoami/", WhoAmIView.as_view()),
]
# --8<-- [end:router]
